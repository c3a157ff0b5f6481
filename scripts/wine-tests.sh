#!/usr/bin/env bash
# Runs the Windows build of a package's tests under Wine, as one go test
# -json stream: the Windows clipboard (user32) is code this Linux machine
# cannot run otherwise. Needs an X display (scripts/with-test-services.sh
# gives one); the Wine prefix is temporary.
#
#   usage: scripts/wine-tests.sh PACKAGE [TEST FLAGS...]
set -euo pipefail
cd "$(dirname "$0")/.."

pkg=$1
shift
work=$(mktemp -d -t forgiva-wine.XXXXXX)
trap 'wineserver -k >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
export WINEPREFIX=$work/prefix WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="

GOOS=windows GOARCH=amd64 go test -c -o "$work/test.exe" "$pkg"
wineboot --init >/dev/null 2>&1
# Go 1.24+ programs need bcryptprimitives.dll (ProcessPrng); Wine before 9
# (Debian 12's) has none, so a stand-in is built for the prefix.
system32=$WINEPREFIX/drive_c/windows/system32
if [[ ! -e $system32/bcryptprimitives.dll ]]; then
	x86_64-w64-mingw32-gcc -shared -O2 -o "$system32/bcryptprimitives.dll" \
		test/wine/bcryptprimitives.c -ladvapi32
fi
# The package is named apart from its Linux run in the report. The test
# program's own output is kept too, to tell how it ended.
set +e
(
	wine "$work/test.exe" -test.v=test2json "$@" 2>/dev/null | tee "$work/output"
	echo "${PIPESTATUS[0]}" >"$work/status"
) 2>/dev/null | go tool test2json -t -p "$(go list "$pkg") (windows, wine)"
set -e
status=$(cat "$work/status")
# Wine sometimes kills a test program (SIGKILL, 137) while it exits, after
# it has printed its verdict: seen once in CI after all of a package's
# tests had passed. That is Wine's teardown, not a failure; anything else
# is the test program's own status.
if [[ $status == 137 && $(tail -n 1 "$work/output" | tr -d '\r') == PASS ]]; then
	echo "wine-tests: Wine killed the test program after it printed PASS; counted as passed" >&2
	exit 0
fi
exit "$status"
