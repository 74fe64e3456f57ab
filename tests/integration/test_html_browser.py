"""The HTML report in a real browser: Debian's headless chromium driven through selenium (the
`browser` fixture of tests/integration/conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from align.reports import render
from tests.fixtures.report import build_report

pytestmark = pytest.mark.slow


@pytest.fixture()
def page(browser, tmp_path):
    report = build_report()
    path = tmp_path / "release.report.html"
    path.write_text(render(report, "html"), encoding="utf-8")
    browser.get(path.as_uri())
    return browser


def _visible(driver, css: str) -> list:
    from selenium.webdriver.common.by import By

    return [el for el in driver.find_elements(By.CSS_SELECTOR, css) if el.is_displayed()]


def _box(driver, kind: str, value: str):
    from selenium.webdriver.common.by import By

    return driver.find_element(By.CSS_SELECTOR, f'input[data-filter="{kind}"][value="{value}"]')


def test_report_renders_with_issues_visible(page, tmp_path: Path) -> None:
    assert page.title.startswith("align report")
    assert len(_visible(page, "table.issues tr.issue")) == 7
    assert len(_visible(page, "tbody.seg")) == 7
    assert "showing 7 of 7 segments, 7 issues" in page.find_element("id", "shown").text
    errors = [e for e in page.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == [], errors
    # Kept in pytest's temporary folder (the last runs stay there) for a look by eye.
    screenshot = tmp_path / "report.png"
    page.save_screenshot(str(screenshot))
    assert screenshot.stat().st_size > 10_000


def test_severity_and_category_filters_hide_and_show_issues(page) -> None:
    _box(page, "severity", "error").click()
    shown = _visible(page, "table.issues tr.issue")
    assert len(shown) == 4 and all(el.get_attribute("data-severity") != "error" for el in shown)
    assert not _visible(page, '#seg-0 li.issue')  # its only issue is an error
    _box(page, "category", "name").click()
    assert len(_visible(page, "table.issues tr.issue")) == 3
    _box(page, "severity", "error").click()
    _box(page, "category", "name").click()
    assert len(_visible(page, "table.issues tr.issue")) == 7
    _box(page, "category", "figure").click()
    shown = _visible(page, "li.issue")
    assert len(shown) == 5 and all(el.get_attribute("data-category") != "figure" for el in shown)


def test_only_segments_with_issues_toggle_and_print(page) -> None:
    page.find_element("id", "only-issues").click()
    ids = [el.get_attribute("id") for el in _visible(page, "tbody.seg")]
    assert ids == ["seg-0", "seg-2", "seg-3", "seg-4", "seg-5"]
    _box(page, "severity", "error").click()  # seg-0 and seg-2 hold only errors
    ids = [el.get_attribute("id") for el in _visible(page, "tbody.seg")]
    assert ids == ["seg-3", "seg-4", "seg-5"]
    # Printed, the page shows every segment and no filters, whatever was toggled on screen.
    page.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert len(_visible(page, "tbody.seg")) == 7
        assert not _visible(page, "#controls")
        assert len(_visible(page, "table.issues tr.issue")) == 7
    finally:
        page.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def test_hovering_a_name_highlights_its_counterparts(page) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    kyiv_uk = page.find_element(By.CSS_SELECTOR, '#seg-0 td[lang="uk"] mark[data-link="n:kyiv"]')
    page.execute_script("arguments[0].scrollIntoView({block: 'center'});", kyiv_uk)
    ActionChains(page).move_to_element(kyiv_uk).perform()
    linked = page.find_elements(By.CSS_SELECTOR, "mark.linked")
    assert sorted(el.text for el in linked) == sorted(["Kyiv", "Києву", "Киеву"])
    # Moving away clears it; a click pins it until the next click.
    ActionChains(page).move_to_element(page.find_element(By.TAG_NAME, "h1")).perform()
    assert not page.find_elements(By.CSS_SELECTOR, "mark.linked")
    page.execute_script("arguments[0].scrollIntoView({block: 'center'});", kyiv_uk)
    kyiv_uk.click()
    pinned = page.find_elements(By.CSS_SELECTOR, "mark.pinned")
    assert {el.get_attribute("data-link") for el in pinned} == {"n:kyiv"} and len(pinned) == 3
    figure = page.find_element(By.CSS_SELECTOR, '#seg-6 td[lang="ru"] mark[data-link="f:88 %"]')
    page.execute_script("arguments[0].scrollIntoView({block: 'center'});", figure)
    figure.click()
    pinned = page.find_elements(By.CSS_SELECTOR, "mark.pinned")
    assert {el.get_attribute("data-link") for el in pinned} == {"f:88 %"} and len(pinned) == 3
