#!/bin/sh
# Install unshare (util-linux) and ip (iproute2) from the Debian archive when they are missing:
# the Ray tests run inside a network namespace that has only the loopback interface.
set -eu

if command -v unshare >/dev/null 2>&1 && command -v ip >/dev/null 2>&1; then
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "ensure_netns_tools: apt-get not found; install util-linux and iproute2 yourself" >&2
    exit 1
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO="sudo"
    else
        echo "ensure_netns_tools: need root (or sudo) to install util-linux and iproute2" >&2
        exit 1
    fi
fi

export DEBIAN_FRONTEND=noninteractive
if ! apt-cache show iproute2 >/dev/null 2>&1; then
    $SUDO apt-get update -q
fi
$SUDO apt-get install -y -q --no-install-recommends util-linux iproute2
