#!/bin/sh
# Install Debian packages when the commands a test needs are missing; only from the Debian
# archive, never a download of its own. Needs root (or sudo).
#   ensure_debian.sh "what needs them" "command or path ..." package ...
set -eu

what=$1
needs=$2
shift 2

missing=0
for need in $needs; do
    command -v "$need" >/dev/null 2>&1 || missing=1
done
[ "$missing" -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
    echo "ensure_debian: apt-get not found; install $* yourself ($what)" >&2
    exit 1
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO="sudo"
    else
        echo "ensure_debian: need root (or sudo) to install $* ($what)" >&2
        exit 1
    fi
fi

export DEBIAN_FRONTEND=noninteractive
# The package lists may be absent in a fresh container; update once when a package is unknown.
if ! apt-cache show "$1" >/dev/null 2>&1; then
    $SUDO apt-get update -q
fi
$SUDO apt-get install -y -q --no-install-recommends "$@"
