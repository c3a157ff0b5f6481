#!/usr/bin/env bash
# The whole test suite, as CI runs it: lint, the production build, then every Go
# test inside the test services (display, session bus, unlocked keyring),
# including the window smoke test against the binary just built.
#
# Switches (environment, each defaults to 1; set to 0 for a quick local run):
#   FORGIVA_CONFORMANCE  slow complexity-3 engine vectors
#   FORGIVA_KEYRING_IT   OS keyring integration test
#   FORGIVA_WINDOW_IT    window smoke test
#   FORGIVA_E2E          browser flows against the real backend (test/e2e; builds
#                        the dev binary build/bin/forgiva-dev)
#   FORGIVA_FRONTEND_TESTS  the frontend's vitest suite (npm test), counted
#                        below with the Go tests
#   FORGIVA_TRAY_IT      the tray against a fake StatusNotifierWatcher on the
#                        private session bus
#   FORGIVA_CROSS        cross-builds for Windows and macOS (scripts/cross-build.sh)
#   FORGIVA_FRESH_ROOT   the install test in fresh Debian 13 roots (test/freshroot;
#                        needs root): make run, make package, the .deb installed
#   FORGIVA_RACE         engine, vault, sessions and clipboard once under -race
#   FORGIVA_CLIPBOARD_IT the GTK clipboard (build tag dev) read back with xclip
#   FORGIVA_WINE         the Windows clipboard, shortcut and typing tests, built for Windows, under Wine
#   FORGIVA_X11_IT       the global shortcut and auto-type (internal/hotkey, internal/autotype) against
#                        xterm and xdotool, each package on a private Xvfb
# GO_TEST_FLAGS adds flags to go test (e.g. "-run Vault"); TEST_PACKAGES
# narrows the packages (default ./...); TEST_VERBOSE=1 echoes all test output;
# TEST_LINT=0 skips lint (local use while another package is mid-edit).
set -euo pipefail
cd "$(dirname "$0")/.."

export FORGIVA_CONFORMANCE=${FORGIVA_CONFORMANCE:-1}
export FORGIVA_KEYRING_IT=${FORGIVA_KEYRING_IT:-1}
export FORGIVA_WINDOW_IT=${FORGIVA_WINDOW_IT:-1}
export FORGIVA_E2E=${FORGIVA_E2E:-1}
export FORGIVA_FRONTEND_TESTS=${FORGIVA_FRONTEND_TESTS:-1}
export FORGIVA_TRAY_IT=${FORGIVA_TRAY_IT:-1}
export FORGIVA_FRESH_ROOT=${FORGIVA_FRESH_ROOT:-1}
export FORGIVA_RACE=${FORGIVA_RACE:-1}
export FORGIVA_CLIPBOARD_IT=${FORGIVA_CLIPBOARD_IT:-1}
export FORGIVA_WINE=${FORGIVA_WINE:-1}
export FORGIVA_X11_IT=${FORGIVA_X11_IT:-1}
export FORGIVA_DESKTOP_BIN=$PWD/build/bin/forgiva-desktop
export FORGIVA_DEV_BIN=$PWD/build/bin/forgiva-dev
# Screenshots outlive the run so a person (or CI log reader) can look at them.
export FORGIVA_SCREENSHOT_DIR=${FORGIVA_SCREENSHOT_DIR:-$(mktemp -d -t forgiva-screens.XXXXXX)}

echo "test: conformance=$FORGIVA_CONFORMANCE keyring=$FORGIVA_KEYRING_IT window=$FORGIVA_WINDOW_IT" \
	"e2e=$FORGIVA_E2E frontend=$FORGIVA_FRONTEND_TESTS tray=$FORGIVA_TRAY_IT" \
	"fresh-root=$FORGIVA_FRESH_ROOT race=$FORGIVA_RACE clipboard=$FORGIVA_CLIPBOARD_IT wine=$FORGIVA_WINE" \
	"x11=$FORGIVA_X11_IT"
echo "test: screenshots go to $FORGIVA_SCREENSHOT_DIR"
scripts/build.sh production
if [[ $FORGIVA_E2E == 1 ]]; then
	scripts/build.sh dev
fi
if [[ ${FORGIVA_CROSS:-1} == 1 ]]; then
	scripts/cross-build.sh
fi
if [[ ${TEST_LINT:-1} == 1 ]]; then
	scripts/lint.sh
else
	echo "test: lint skipped (TEST_LINT=0)"
fi

# gotestsum reads the go test -json stream of scripts/go-tests.sh and prints
# go test's own kind of report; its post-run command adds the closing line
# "tests: N passed, N failed, N skipped", and fails a run that ran no test.
format=pkgname
[[ ${TEST_VERBOSE:-0} == 1 ]] && format=standard-verbose
scripts/tool.sh gotestsum --format "$format" --format-hide-empty-pkg \
	--post-run-command scripts/test-summary-line.sh \
	--raw-command -- scripts/go-tests.sh
