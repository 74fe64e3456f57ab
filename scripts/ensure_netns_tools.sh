#!/bin/sh
# unshare (util-linux) and ip (iproute2): the Ray tests run inside a network namespace that has
# only the loopback interface.
exec sh "$(dirname "$0")/ensure_debian.sh" "the Ray tests' network namespace" "unshare ip" util-linux iproute2
