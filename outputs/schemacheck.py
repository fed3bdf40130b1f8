"""A quick "is it valid?" for the shipped schemas, so a valid document is passed without jsonschema.

jsonschema walks a 55-page document in about 0.1 s and its import costs every worker a twentieth of a
second; every document the pipeline writes is valid.  :func:`quick_check` compiles a schema into plain
Python tests of the keywords it uses (Draft 2020-12: ``type``, ``properties``, ``required``,
``additionalProperties``, ``items``, ``prefixItems``, ``minItems``, ``maxItems``, ``minLength``,
``pattern``, ``minimum``, ``maximum``, ``enum``, ``const``, local ``$ref``, and ``oneOf`` whose branches
name disjoint types; annotations are ignored).

The test is sound, never complete: it answers True only for data jsonschema accepts (where the two could
differ it is stricter: ``enum``/``const`` need the same type as well as the same value); False means "ask
jsonschema", which gives the verdict and the messages (:func:`.schema.validate`).  A schema with any other
keyword gets no quick test (``None``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

Check = Callable[[Any], bool]

ANNOTATIONS = frozenset({"$schema", "$id", "title", "description", "examples", "default", "$comment",
                         "$defs"})
_TYPES: dict[str, Check] = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "integer": lambda v: (isinstance(v, int) and not isinstance(v, bool))
    or (isinstance(v, float) and v.is_integer()),
}


class Unsupported(Exception):
    """The schema uses a keyword (or a form of one) the quick test does not know."""


def quick_check(schema: dict[str, Any]) -> Check | None:
    """The quick test of a whole schema (rules above), or None."""
    try:
        return Compiler(schema).compile(schema)
    except (Unsupported, KeyError, TypeError, re.error):
        return None


class Compiler:
    """Compiles schema nodes into tests; ``$ref`` targets once each (they may refer to themselves)."""

    def __init__(self, root: dict[str, Any]) -> None:
        self.root = root
        self.refs: dict[str, Check] = {}

    def compile(self, node: Any) -> Check:
        if node is True:
            return lambda _v: True
        if not isinstance(node, dict):
            raise Unsupported(repr(node)[:60])
        if "$id" in node and node is not self.root:  # a new base for $ref below it: not resolved here
            raise Unsupported("$id below the root")
        tests = [self.keyword(name, value, node) for name, value in node.items() if name not in ANNOTATIONS]
        tests = [t for t in tests if t is not None]
        return lambda v: all(t(v) for t in tests)

    def keyword(self, name: str, value: Any, node: dict[str, Any]) -> Check | None:
        make = getattr(self, "k_" + name.lstrip("$"), None)
        if make is None:
            raise Unsupported(name)
        return make(value, node)

    def k_type(self, value: Any, _node: dict[str, Any]) -> Check:
        names = [value] if isinstance(value, str) else list(value)
        tests = [_TYPES[n] for n in names]
        return lambda v: any(t(v) for t in tests)

    def k_properties(self, value: dict[str, Any], _node: dict[str, Any]) -> Check:
        tests = {key: self.compile(sub) for key, sub in value.items()}
        return lambda v: not isinstance(v, dict) or all(t(v[k]) for k, t in tests.items() if k in v)

    def k_required(self, value: list[str], _node: dict[str, Any]) -> Check:
        return lambda v: not isinstance(v, dict) or all(k in v for k in value)

    def k_additionalProperties(self, value: Any, node: dict[str, Any]) -> Check:
        if "patternProperties" in node:
            raise Unsupported("patternProperties")
        known = frozenset(node.get("properties", {}))
        if value is False:
            return lambda v: not isinstance(v, dict) or known.issuperset(v)
        test = self.compile(value)
        return lambda v: not isinstance(v, dict) or all(test(x) for k, x in v.items() if k not in known)

    def k_prefixItems(self, value: list[Any], _node: dict[str, Any]) -> Check:
        tests = [self.compile(sub) for sub in value]
        return lambda v: not isinstance(v, list) or all(t(x) for t, x in zip(tests, v, strict=False))

    def k_items(self, value: Any, node: dict[str, Any]) -> Check:
        start = len(node.get("prefixItems", []))
        if value is False:
            return lambda v: not isinstance(v, list) or len(v) <= start
        test = self.compile(value)
        return lambda v: not isinstance(v, list) or all(test(x) for x in v[start:])

    def k_minItems(self, value: int, _node: dict[str, Any]) -> Check:
        return lambda v: not isinstance(v, list) or len(v) >= value

    def k_maxItems(self, value: int, _node: dict[str, Any]) -> Check:
        return lambda v: not isinstance(v, list) or len(v) <= value

    def k_minLength(self, value: int, _node: dict[str, Any]) -> Check:
        return lambda v: not isinstance(v, str) or len(v) >= value

    def k_pattern(self, value: str, _node: dict[str, Any]) -> Check:
        search = re.compile(value).search
        return lambda v: not isinstance(v, str) or search(v) is not None

    def k_minimum(self, value: float, _node: dict[str, Any]) -> Check:
        return lambda v: not _TYPES["number"](v) or v >= value

    def k_maximum(self, value: float, _node: dict[str, Any]) -> Check:
        return lambda v: not _TYPES["number"](v) or v <= value

    def k_enum(self, value: list[Any], _node: dict[str, Any]) -> Check:
        return lambda v: any(_same(v, e) for e in value)

    def k_const(self, value: Any, _node: dict[str, Any]) -> Check:
        return lambda v: _same(v, value)

    def k_oneOf(self, value: list[Any], _node: dict[str, Any]) -> Check:
        """Only branches that each name their types, pairwise disjoint: jsonschema then finds at most one
        valid, so "exactly one" is "any", and a branch the quick test passes is one jsonschema passes."""
        kinds = [_type_set(branch) for branch in value]
        if any(a & b for i, a in enumerate(kinds) for b in kinds[i + 1:]):
            raise Unsupported("oneOf with branches that may overlap")
        tests = [self.compile(branch) for branch in value]
        return lambda v: any(t(v) for t in tests)

    def k_ref(self, value: str, _node: dict[str, Any]) -> Check:
        if not value.startswith("#/$defs/") or "/" in value[len("#/$defs/"):]:
            raise Unsupported(value)
        if value not in self.refs:
            self.refs[value] = lambda v: self.refs[value](v)  # a placeholder while it compiles
            self.refs[value] = self.compile(self.root.get("$defs", {})[value[len("#/$defs/"):]])
        target = self.refs
        return lambda v: target[value](v)


def _type_set(branch: Any) -> frozenset[str]:
    """The JSON types a ``oneOf`` branch allows (``integer`` counts as ``number`` too: they overlap)."""
    if not isinstance(branch, dict) or "type" not in branch:
        raise Unsupported("oneOf branch without a type")
    names = {branch["type"]} if isinstance(branch["type"], str) else set(branch["type"])
    return frozenset(names | ({"number"} if "integer" in names else set()))


def _same(a: Any, b: Any) -> bool:
    """Equal scalars of the same type (stricter than jsonschema's equality, which is what soundness needs:
    ``1 == 1.0 == True`` in Python; a list or an object is left to jsonschema)."""
    return type(a) is type(b) and not isinstance(a, (list, dict)) and a == b
