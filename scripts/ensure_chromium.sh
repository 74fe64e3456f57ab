#!/bin/sh
# Debian's chromium and chromium-driver for the HTML browser tests, when they are missing.
exec sh "$(dirname "$0")/ensure_debian.sh" "the HTML browser tests" "/usr/bin/chromium /usr/bin/chromedriver" \
    chromium chromium-driver
