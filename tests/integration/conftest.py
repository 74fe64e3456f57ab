"""The integration tests' browser: Debian's headless chromium driven through selenium.

Needs /usr/bin/chromium and /usr/bin/chromedriver (scripts/ensure_chromium.sh installs both from
Debian) and the `selenium` package. Without them a browser test is skipped, except under CI (env
CI set), where a missing browser is a broken setup and fails. Nothing is downloaded: the driver
path is given, so Selenium Manager is never asked.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("ALIGN_CHROMIUM", "/usr/bin/chromium"))
CHROMEDRIVER = Path(os.environ.get("ALIGN_CHROMEDRIVER", shutil.which("chromedriver") or "/usr/bin/chromedriver"))


def _missing(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set, so the browser test must run; see scripts/ensure_chromium.sh)")
    pytest.skip(f"{reason}; run scripts/ensure_chromium.sh to install it")


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    if not CHROMIUM.is_file():
        _missing(f"chromium not found at {CHROMIUM}")
    if not CHROMEDRIVER.is_file():
        _missing(f"chromedriver not found at {CHROMEDRIVER} (Debian package chromium-driver)")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        _missing("the selenium package is not installed")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--window-size=1366,900",
                 f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=str(CHROMEDRIVER)))
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()
