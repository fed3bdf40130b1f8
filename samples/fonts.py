"""Logical type faces of a GB/T 9704 notice → installed font families, and which role uses which face.

A sample YAML names faces the way an office does (仿宋, 黑体, 楷体, 小标宋, 宋体).  The build maps them to
free fonts that are installed here, so the PDFs are reproducible without proprietary fonts.  A YAML ``fonts:``
map may override either a role (``body: 楷体`` or ``body: "Noto Serif CJK SC"``) or a face
(``仿宋: "Noto Serif CJK SC"``), so stress samples can use other faces.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

DEFAULT_FACES: dict[str, str] = {
    "仿宋": "AR PL UMing CN",
    "黑体": "WenQuanYi Zen Hei",
    "楷体": "AR PL UKai CN",
    "小标宋": "Noto Serif CJK SC",
    "宋体": "AR PL UMing CN",
}
"""Logical face → font family (the East-Asian font written to ``w:rFonts w:eastAsia``)."""

DEFAULT_ROLES: dict[str, str] = {
    "body": "仿宋",
    "heading1": "黑体",
    "heading2": "楷体",
    "heading3": "仿宋",
    "heading4": "仿宋",
    "title": "小标宋",
    "issuer": "小标宋",
    "label": "黑体",
    "table": "仿宋",
    "page_number": "宋体",
}
"""Layout role → logical face (GB/T 9704-2012 conventions)."""

BOLD_FACES: frozenset[str] = frozenset({"小标宋"})
"""Faces printed bold: 小标宋 is approximated by the bold weight of a serif CJK font."""


@dataclass(frozen=True)
class FontMap:
    """Resolved fonts of one sample: role → (family, bold-by-face)."""

    faces: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_FACES))
    roles: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_ROLES))

    def __post_init__(self) -> None:
        missing = set(DEFAULT_ROLES) - set(self.roles)
        if missing:
            raise ValueError(f"font roles missing: {sorted(missing)}")

    def family(self, role: str) -> str:
        """The installed family for a role; a role may name a face or a family directly."""
        face = self.roles[role]
        return self.faces.get(face, face)

    def bold(self, role: str) -> bool:
        return self.roles[role] in BOLD_FACES


def font_map(overrides: Mapping[str, str] | None = None) -> FontMap:
    """Defaults with a YAML ``fonts:`` map applied; an unknown key is an error (a typo must not pass)."""
    faces = dict(DEFAULT_FACES)
    roles = dict(DEFAULT_ROLES)
    for key, value in (overrides or {}).items():
        if key in DEFAULT_ROLES:
            roles[key] = str(value)
        elif key in DEFAULT_FACES:
            faces[key] = str(value)
        else:
            known = sorted(DEFAULT_ROLES) + sorted(DEFAULT_FACES)
            raise ValueError(f"fonts: unknown key {key!r}; use one of {known}")
    return FontMap(faces, roles)
