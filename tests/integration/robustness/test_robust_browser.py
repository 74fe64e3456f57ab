"""Injection in a real browser: release names and texts carrying script payloads, rendered by
`align run` into index.html and the report pages, opened in headless Chromium (the browser
fixture of tests/integration/conftest.py). No dialog, no payload element in the DOM, no payload
code run; and the Content-Security-Policy itself blocks an inline handler that escaped escaping."""

from __future__ import annotations

import pytest

from tests.integration.robustness.helpers import EN, UK, align

pytestmark = pytest.mark.slow

PAYLOADS = [
    "<script>window.__pwned=1;alert(1)</script>",
    '"><img src=x onerror="window.__pwned=2;alert(2)">',
    "</script><script>window.__pwned=3</script>",
    "]]><svg onload=window.__pwned=4>",
    "javascript:window.__pwned=5",
]
NAMES = ['"><img src=x onerror=alert(1)>', "javascript:alert(1)", "a#b?c=1", "<script>x"]


def _assert_clean(driver) -> None:
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.common.by import By

    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert.text  # noqa: B018 - raises when no dialog is open
    assert driver.execute_script("return window.__pwned") is None
    assert driver.find_elements(By.CSS_SELECTOR, "img, svg, iframe, object, embed") == []
    for script in driver.find_elements(By.TAG_NAME, "script"):
        assert "__pwned" not in (script.get_attribute("textContent") or "")
    for element in driver.find_elements(By.CSS_SELECTOR, "[onerror], [onload], [onclick]"):
        pytest.fail(f"an inline handler reached the DOM: {element.get_attribute('outerHTML')}")


def test_payloads_in_names_and_texts_stay_text(browser, tmp_path):  # noqa: F811
    src = tmp_path / "in"
    src.mkdir()
    for k, name in enumerate(NAMES):
        payload = " ".join(PAYLOADS)
        (src / f"{name}.en.txt").write_text(f"Kyiv got {k + 5} drones. {payload}\n{EN}", encoding="utf-8")
        # Enough Ukrainian that the payload's Latin letters do not make the file look English.
        (src / f"{name}.uk.txt").write_text(f"Київ отримав {k + 6} дронів. {payload}\n{UK * 4}", encoding="utf-8")
    out = tmp_path / "out"
    result = align("run", src, "--out", out, "--no-translate", "--embedder", "none", "--no-progress")
    assert result.code in (0, 1), result.stderr
    from selenium.webdriver.common.by import By

    browser.get((out / "index.html").as_uri())
    _assert_clean(browser)
    links = browser.find_elements(By.CSS_SELECTOR, "table.index a")
    assert len(links) == 2 * len(NAMES)
    for link in links:
        # Resolved by the browser: a file next to index.html, never a script, fragment or query.
        href = link.get_attribute("href")
        assert href.startswith(out.as_uri() + "/") and "#" not in href and "?" not in href, href
    pages = sorted(out.glob("*.report.html"))
    assert len(pages) == len(NAMES)
    for page in pages:
        browser.get(page.as_uri())
        _assert_clean(browser)
        assert "showing" in browser.find_element(By.ID, "shown").text  # the report's own script ran
        body = browser.find_element(By.TAG_NAME, "body").text
        assert "<script>window.__pwned=1" in body  # shown as text


def test_the_csp_blocks_inline_handlers_and_foreign_scripts(browser, tmp_path):  # noqa: F811
    from align.reports.html import JS, _head

    page = tmp_path / "csp.html"
    page.write_text(_head("csp", scripts=(JS,)) + (
        '<body><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" onload="window.__pwned=6">'
        '<img src="x" onerror="window.__pwned=7"><script>window.__pwned=8</script>'
        '<span id="shown"></span><input type="checkbox" id="only-issues"></body></html>'), encoding="utf-8")
    browser.get(page.as_uri())
    assert browser.execute_script("return window.__pwned") is None
