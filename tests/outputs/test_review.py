"""``policy-extract review``: static pages from a real run, checked as files and in headless Chromium."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from policy_extract.outputs.review import ReviewSettings, box_style, write_review

from policy_extract import cli
from policy_extract.batch import run_batch
from policy_extract.core.errors import UsageError

REPO = Path(__file__).resolve().parents[2]
DOC_ID = "stress_continued_table"
PDF = REPO / "samples" / "pdf" / f"{DOC_ID}.pdf"
SCREENSHOT = REPO / "docs" / f"review-{DOC_ID}.png"
CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,1000",
)  # fmt: skip
# The cell the overlay test looks at: 2025 target of the first indicator (page 2 of the sample).
CELL_TEXT = "累计下降13.5%"


@pytest.fixture(scope="module")
def outdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real run of the pipeline over one sample, with its review pages."""
    out = tmp_path_factory.mktemp("review") / "out"
    here = Path.cwd()
    os.chdir(REPO)  # the manifest then names the PDF as a user would, samples/pdf/…
    try:
        result = run_batch([str(PDF.relative_to(REPO))], out, workers=1, progress=False)
        write_review(out)
    finally:
        os.chdir(here)
    assert result.exit_code == 0
    return out


def document(out: Path) -> dict[str, Any]:
    return json.loads((out / "docs" / DOC_ID / "document.json").read_text(encoding="utf-8"))


def test_pages_are_written_self_contained(outdir: Path) -> None:
    index = (outdir / "review" / "index.html").read_text(encoding="utf-8")
    page = (outdir / "review" / f"{DOC_ID}.html").read_text(encoding="utf-8")
    assert f'href="{DOC_ID}.html"' in index
    assert page.count('<img src="data:image/png;base64,') == 3  # every PDF page, inline
    for remote in ("http://", "https://", "<link", "<script src"):
        assert remote not in page
    cells = document(outdir)["tables"][0]["cells"]
    assert page.count('class="ov cell"') == len(cells)


def test_review_is_deterministic(outdir: Path, tmp_path: Path) -> None:
    copy = tmp_path / "out"
    shutil.copytree(outdir, copy)
    before = {p.name: p.read_bytes() for p in (copy / "review").iterdir()}
    write_review(copy, ReviewSettings(pdf_dirs=(str(PDF.parent),)))  # whatever the working folder
    assert {p.name: p.read_bytes() for p in (copy / "review").iterdir()} == before


def test_missing_or_different_pdf_is_said_on_the_page(outdir: Path, tmp_path: Path) -> None:
    copy = tmp_path / "out"
    shutil.copytree(outdir, copy)
    manifest = json.loads((copy / "manifest.json").read_text(encoding="utf-8"))
    manifest[0]["file"] = "gone/notice.pdf"
    (copy / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    write_review(copy)
    page = (copy / "review" / f"{DOC_ID}.html").read_text(encoding="utf-8")
    assert "PDF not found: gone/notice.pdf" in page
    assert "<img" not in page and CELL_TEXT in page  # the extracted table is still there

    other = tmp_path / "pdfs"
    other.mkdir()
    shutil.copy(REPO / "samples" / "pdf" / "stress_narrow_column.pdf", other / "notice.pdf")
    write_review(copy, ReviewSettings(pdf_dirs=(str(other),)))
    page = (copy / "review" / f"{DOC_ID}.html").read_text(encoding="utf-8")
    assert "is not the one processed (its SHA-256 differs" in page and "<img" not in page


def test_failed_documents_are_listed_in_the_index(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    record = {"file": "x.pdf", "doc_id": "x", "sha256": None, "status": "failed",
              "error": {"code": "not_pdf", "message": "not a PDF"}, "pages": None, "warnings": 0}  # fmt: skip
    (out / "manifest.json").write_text(json.dumps([record]), encoding="utf-8")
    (out / "review").mkdir()
    (out / "review" / "stale.html").write_text("old", encoding="utf-8")
    assert cli.main(["review", str(out)]) == 0
    index = (out / "review" / "index.html").read_text(encoding="utf-8")
    assert "not_pdf: not a PDF" in index and "failed" in index
    assert sorted(p.name for p in (out / "review").iterdir()) == ["index.html"]


def test_bad_usage(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["review", str(tmp_path / "none")]) == 2
    assert "no such OUTDIR" in capsys.readouterr().err
    assert cli.main(["review", str(tmp_path)]) == 2
    assert "is not an OUTDIR" in capsys.readouterr().err
    with pytest.raises(UsageError, match="image_format"):
        ReviewSettings(image_format="gif")


def test_box_style_is_percent_of_the_page() -> None:
    assert box_style((59.5, 84.2, 119.0, 168.4), 595.0, 842.0) == (
        "left:10.0000%;top:10.0000%;width:10.0000%;height:10.0000%"
    )


# -------------------------------------------------------------------------------------------- in a browser


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Headless Chromium via Selenium.  CI installs both (``.ci/run``), so there a missing one fails."""
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        missing.append("selenium (pip install -e '.[test]')")
    if missing:
        # Never a skip: the README's test command (.ci/run) installs the browser.
        pytest.fail(f"needs {', '.join(missing)}: run bash .ci/run, or apt-get install chromium chromium-driver")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    profile = tempfile.mkdtemp(prefix="review-chromium-")
    for flag in (*CHROMIUM_FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def rect(driver: Any, element: Any) -> dict[str, float]:
    return driver.execute_script(
        "var r = arguments[0].getBoundingClientRect(); return {x: r.left, y: r.top, w: r.width, h: r.height};",
        element,
    )


def test_page_loads_and_overlay_sits_on_its_cell(outdir: Path, browser: Any) -> None:
    import pypdfium2 as pdfium
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    table = document(outdir)["tables"][0]
    cell = next(c for c in table["cells"] if c["text"] == CELL_TEXT)
    pdf = pdfium.PdfDocument(str(PDF))
    page_w, page_h = pdf[cell["page"] - 1].get_size()
    pdf.close()

    browser.get((outdir / "review" / f"{DOC_ID}.html").as_uri())
    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []
    assert browser.execute_script("return document.images.length") == 3
    assert browser.execute_script(
        "return Array.from(document.images).every(i => i.complete && i.naturalWidth > 0)"
    )

    key = f"{table['id']}:{cell['row']}:{cell['col']}"
    sheet = browser.find_element(By.CSS_SELECTOR, f'.sheet[data-page="{cell["page"]}"]')
    box = sheet.find_element(By.CSS_SELECTOR, f'.ov.cell[data-key="{key}"]')
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
    s, b = rect(browser, sheet), rect(browser, box)
    x0, top, x1, bottom = cell["bbox"]
    sx, sy = s["w"] / page_w, s["h"] / page_h
    expected = {"x": s["x"] + x0 * sx, "y": s["y"] + top * sy, "w": (x1 - x0) * sx, "h": (bottom - top) * sy}
    for k, v in expected.items():
        assert b[k] == pytest.approx(v, abs=1.0), k
    # The box names its cell: the extracted table beside the page has that cell, and hovering links them.
    td = browser.find_element(By.CSS_SELECTOR, f'table.extracted td[data-key="{key}"]')
    assert td.text == CELL_TEXT
    ActionChains(browser).move_to_element(box).perform()
    assert "hi" in td.get_attribute("class").split()

    SCREENSHOT.parent.mkdir(exist_ok=True)
    assert browser.save_screenshot(str(SCREENSHOT))
    assert SCREENSHOT.stat().st_size > 10_000
