"""The HTML report in a real headless Chromium: the matrix, the filters and sorting work,
and the page asks for nothing outside itself. Skips when Chromium is not installed
(.ci/run installs Debian's chromium, so CI always runs it); saves a screenshot."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import REPO, Workspace

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = REPO / "test-artifacts"

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)"
)


def test_html_report_matrix_filters_and_sorting(workspace: Workspace) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    run = workspace.run("ticketlint check --source {examples} --format html:report.html -q")
    assert run.exit_code == 1
    page_path: Path = workspace.root / "report.html"
    outside: list[str] = []
    with sync_api.sync_playwright() as driver:
        browser = driver.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
        )
        page = browser.new_page(viewport={"width": 1600, "height": 1000})
        page.on("request", lambda r: None if r.url.startswith(("file:", "data:")) else outside.append(r.url))
        page.goto(page_path.as_uri())
        rows = page.locator("#matrix tbody tr")
        assert rows.count() == 13
        assert page.locator("#shown").inner_text() == "13 of 13 epics shown"
        # Each decision cell says its state in words, not only in colour.
        assert "missing" in page.locator("tr[data-key='REC-130'] td.s").first.inner_text()

        page.select_option("#f-owner", "Dana Lee")
        assert page.locator("#shown").inner_text() == "1 of 13 epics shown"
        assert page.locator("#matrix tbody tr:visible th").inner_text() == "REC-130"
        page.select_option("#f-owner", "")
        page.select_option("#f-sev", "warning")
        visible_worst = page.eval_on_selector_all(
            "#matrix tbody tr:not([hidden])", "rs => rs.map(r => r.dataset.worst)"
        )
        assert visible_worst and set(visible_worst) == {"warning"}
        page.select_option("#f-sev", "")
        page.fill("#f-text", "fraud")
        assert page.locator("#shown").inner_text().startswith("2 of 13")
        page.fill("#f-text", "")

        page.keyboard.press("Tab")  # the filters and sort buttons are reachable by keyboard
        page.click("button[data-sort='key']")
        keys = page.eval_on_selector_all("#matrix tbody tr", "rs => rs.map(r => r.dataset.key)")
        assert keys == sorted(keys)
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "html-report.png"), full_page=True)
        browser.close()
    assert not outside, f"the report requested {outside}"
