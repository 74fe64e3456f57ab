"""The report pages of issue 9 in headless Chromium: the copy button for `align accept`, and
colours that follow the worst issue (the browser fixture of tests/integration/conftest.py)."""

from __future__ import annotations

import re

import pytest

from align.reports import IndexEntry, render, render_index
from align.reports.html import accept_command
from tests.fixtures.report import build_report

pytestmark = pytest.mark.slow


def _severe(driver) -> list:
    return [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def _rgb(driver, element) -> tuple[int, ...]:
    value = driver.execute_script("return getComputedStyle(arguments[0]).backgroundColor", element)
    return tuple(int(x) for x in re.findall(r"\d+", value)[:3])


def test_the_copy_button_puts_the_exact_accept_command_on_the_clipboard(browser, tmp_path):  # noqa: F811
    from selenium.webdriver.common.by import By

    report = build_report()
    issue = next(i for i in report.issues if i.severity == "error")
    path = tmp_path / "r.report.html"
    path.write_text(render(report, "html"), encoding="utf-8")
    browser.execute_cdp_cmd("Browser.grantPermissions", {"permissions": ["clipboardReadWrite",
                                                                         "clipboardSanitizedWrite"]})
    browser.get(path.as_uri())
    ids = [el.text for el in browser.find_elements(By.CSS_SELECTOR, "table.issues code.issue-id")]
    assert issue.id in ids and all(ids)  # every issue shows its id
    row = browser.find_element(By.CSS_SELECTOR, f'table.issues tr.issue[data-id="{issue.id}"]')
    button = row.find_element(By.CSS_SELECTOR, "button.copy")
    expected = f'align accept {issue.id} --reason "…"'
    assert button.get_attribute("data-command") == expected == accept_command(issue.id)
    button.click()
    browser.implicitly_wait(0)
    for _ in range(50):
        if button.get_attribute("data-copied"):
            break
        browser.execute_script("return 1")
    assert button.get_attribute("data-copied") == "yes" and button.text == "copied"
    pasted = browser.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "navigator.clipboard.readText().then(done, function (e) { done('ERR ' + e); });")
    assert pasted == expected
    assert _severe(browser) == []  # the click handler ran under the page's CSP, no violation


def test_pills_follow_the_worst_severity_on_the_report_and_the_index(browser, tmp_path):  # noqa: F811
    from selenium.webdriver.common.by import By

    report = build_report()
    for seg in report.segments:
        seg.scores = {lang: 0.99 for lang in seg.scores}
    report.summary = {**report.summary, "score": {"uk": 0.99, "ru": 0.99}}
    page = tmp_path / "r.report.html"
    page.write_text(render(report, "html"), encoding="utf-8")
    browser.get(page.as_uri())
    pills = browser.find_elements(By.CSS_SELECTOR, "table.files span.pill.score")
    by_worst = {p.get_attribute("data-worst"): _rgb(browser, p) for p in pills}
    red, green = (0xfd, 0xe8, 0xe7), (0xe3, 0xf6, 0xec)
    assert by_worst["error"] == red  # 0.99 and an error: red, not green

    entries = [IndexEntry("clean", ["en", "uk"], {"uk": 1.0}),
               IndexEntry("waiting", ["en"], status="pending", message="only waiting.en.txt so far"),
               IndexEntry.from_report("broken-figures", report),
               IndexEntry("crashed", ["en", "uk"], status="failed", message="internal error")]
    index = tmp_path / "index.html"
    index.write_text(render_index(entries), encoding="utf-8")
    browser.get(index.as_uri())
    rows = browser.find_elements(By.CSS_SELECTOR, "tr.release")
    assert [r.find_element(By.TAG_NAME, "th").text for r in rows] == ["crashed", "broken-figures", "waiting",
                                                                      "clean"]
    states = [r.find_element(By.CSS_SELECTOR, "span.state") for r in rows]
    colours = [_rgb(browser, s) for s in states]
    assert colours[1] == red and colours[3] == green
    assert len(set(colours)) == 4  # failed, errors, pending and clean each look different
    errors_cell = rows[1].find_element(By.CSS_SELECTOR, "td.errors").text
    assert errors_cell == str(report.summary.get("errors") or sum(i.severity == "error" for i in report.issues))
    assert _severe(browser) == []
