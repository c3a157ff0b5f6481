#!/usr/bin/env bash
# The Go test runs of `make test`, one after the other, as one go test -json
# stream for gotestsum (scripts/test.sh reads it):
#   1. the fresh-root install test (test/freshroot), when FORGIVA_FRESH_ROOT=1;
#      alone, as it builds the app from scratch on both cores,
#   2. the engine, vault, generation sessions and clipboard under -race (the
#      slow conformance vectors left to run 3),
#   3. the GTK clipboard (its code builds only with a desktop tag: dev here),
#      when FORGIVA_CLIPBOARD_IT=1,
#   4. the Windows clipboard, shortcut and typing under Wine, when FORGIVA_WINE=1,
#   5. every package inside the test services (display, session bus, keyring).
# Exits non-zero when any run fails.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1

# GO_TEST_FLAGS and TEST_PACKAGES are word lists (see scripts/test.sh).
read -ra flags <<<"${GO_TEST_FLAGS:-}"
if [[ -n ${TEST_PACKAGES:-} ]]; then
	read -ra packages <<<"$TEST_PACKAGES"
else
	mapfile -t packages < <(go list ./... | grep -v '/test/freshroot$')
fi
race_packages=(./backend/forgiva ./backend/vault ./internal/gensession ./internal/clipboard)

# The services' own progress lines stay out of the test report.
quiet_services() { grep -v '^services: ' >&2; }

status=0
if [[ ${FORGIVA_FRESH_ROOT:-0} == 1 && -z ${TEST_PACKAGES:-} ]]; then
	go test -json -count=1 -timeout 40m "${flags[@]}" ./test/freshroot || status=1
fi
if [[ ${FORGIVA_RACE:-1} == 1 && -z ${TEST_PACKAGES:-} ]]; then
	FORGIVA_CONFORMANCE=0 scripts/with-test-services.sh \
		go test -json -race -count=1 -timeout 20m "${flags[@]}" "${race_packages[@]}" 2> >(quiet_services) || status=1
fi
if [[ ${FORGIVA_CLIPBOARD_IT:-0} == 1 && -z ${TEST_PACKAGES:-} ]]; then
	scripts/with-test-services.sh \
		go test -json -count=1 -tags dev -timeout 5m "${flags[@]}" ./internal/clipboard 2> >(quiet_services) || status=1
fi
if [[ ${FORGIVA_WINE:-0} == 1 && -z ${TEST_PACKAGES:-} ]]; then
	# The Windows code: the clipboard, the global shortcut, typing.
	for pkg in ./internal/clipboard ./internal/hotkey ./internal/quicktype; do
		FORGIVA_CLIPBOARD_IT=1 scripts/with-test-services.sh \
			scripts/wine-tests.sh "$pkg" 2> >(quiet_services) || status=1
	done
fi
scripts/with-test-services.sh \
	go test -json -count=1 -timeout 40m "${flags[@]}" "${packages[@]}" 2> >(quiet_services) || status=1
exit "$status"
