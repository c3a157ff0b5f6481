#!/usr/bin/env bash
# Builds the desktop app without the wails CLI.
#   scripts/build.sh production   -> build/bin/forgiva-desktop (what users run)
#   scripts/build.sh dev          -> build/bin/forgiva-dev (serves the UI to a browser
#                                    with real bindings, for browser end-to-end tests)
# Wails picks its runtime by build tags. A binary built without them compiles,
# prints "Wails applications will not build without the correct build tags" and
# exits 0, so this script checks the result instead of trusting the exit code.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-production}
case $mode in
production)
	tags=desktop,production
	out=build/bin/forgiva-desktop
	ldflags="-w -s"
	;;
dev)
	tags=dev
	out=build/bin/forgiva-dev
	ldflags=""
	;;
*)
	echo "usage: $0 [production|dev]" >&2
	exit 2
	;;
esac

die() {
	printf 'build: %s\n' "$*" >&2
	exit 1
}

version=${VERSION:-$(git describe --tags --always --dirty 2>/dev/null || echo dev)}

[[ -d frontend/node_modules ]] || die "frontend/node_modules is missing: run 'make deps' first"
(cd frontend && npm run --silent build -- --logLevel warn)
[[ -f frontend/dist/index.html ]] || die "the frontend build made no frontend/dist/index.html"

go build -trimpath -tags "$tags" -ldflags "$ldflags -X main.version=$version" -o "$out" .

# The tags must be recorded in the binary, and the no-tags stub must be absent.
go version -m "$out" | grep -q -- "-tags=$tags" ||
	die "$out was not built with -tags $tags"
if grep -qa 'will not build without the correct build tags' "$out"; then
	die "$out is the Wails no-build-tags stub, not the app"
fi
echo "build: $out ($mode, version $version)"
