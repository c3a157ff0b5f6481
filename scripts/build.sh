#!/usr/bin/env bash
# Builds the desktop app without the wails CLI.
#   scripts/build.sh production [OUT]  -> build/bin/forgiva-desktop (what users run)
#   scripts/build.sh dev [OUT]         -> build/bin/forgiva-dev (serves the UI to a browser
#                                         with real bindings, for browser end-to-end tests)
#   (both also build the command-line twin beside OUT: the app runs it to rate passwords)
#   scripts/build.sh floor [OUT]       -> build/bin/forgiva-memfloor (an empty Wails window built
#                                         the same way: scripts/bench-memory.sh's floor)
#   scripts/build.sh cli [OUT]         -> build/bin/forgiva (the command line, pure Go)
# The WebKitGTK flavour (its Go tag) comes from scripts/webkit.sh, the version
# from scripts/version.sh.
# Wails picks its runtime by build tags. A binary built without them compiles,
# prints "Wails applications will not build without the correct build tags" and
# exits 0, so this script checks the result instead of trusting the exit code.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-production}
pkg=.
# Linked by the system linker (cgo) with relative relocations packed
# (DT_RELR, glibc 2.36+): a PIE Go binary otherwise carries 3.5 MB of them,
# which stay mapped, and count, in the app's memory all day.
production_ldflags="-w -s -linkmode=external -extldflags=-Wl,-z,pack-relative-relocs"
case $mode in
production)
	tags=$(scripts/webkit.sh tags desktop,production)
	out=build/bin/forgiva-desktop
	ldflags=$production_ldflags
	buildmode=pie # address-space randomisation, as Debian builds its binaries
	;;
floor)
	# An empty window built as the app is, for scripts/bench-memory.sh.
	tags=$(scripts/webkit.sh tags desktop,production)
	out=build/bin/forgiva-memfloor
	ldflags=$production_ldflags
	buildmode=pie
	pkg=./test/memfloor
	;;
dev)
	tags=$(scripts/webkit.sh tags dev)
	out=build/bin/forgiva-dev
	ldflags=""
	;;
cli)
	out=build/bin/forgiva
	;;
*)
	echo "usage: $0 [production|dev|cli|floor] [OUT]" >&2
	exit 2
	;;
esac

die() {
	printf 'build: %s\n' "$*" >&2
	exit 1
}

out=${2:-$out}
version=$(scripts/version.sh)
stamp="-X github.com/forgiva/forgiva-desktop/internal/buildinfo.version=$version"

build_cli() {
	CGO_ENABLED=0 go build -trimpath -buildmode=pie -ldflags "-w -s $stamp" -o "$1" ./cmd/forgiva
	echo "build: $1 (command line, version $version)"
}
if [[ $mode == cli ]]; then
	build_cli "$out"
	exit
fi

if [[ $mode != floor ]]; then # the floor embeds its own page
	[[ -d frontend/node_modules ]] || die "frontend/node_modules is missing: run 'make deps' first"
	(cd frontend && npm run --silent build -- --logLevel warn)
	[[ -f frontend/dist/index.html ]] || die "the frontend build made no frontend/dist/index.html"
fi

webkit=webkit2gtk-$(scripts/webkit.sh)
pkg-config --exists "$webkit" ||
	die "$webkit is missing: run 'make deps-build' (it installs $(scripts/webkit.sh dev-package))"
go build -trimpath -buildmode="${buildmode:-default}" -tags "$tags" -ldflags "$ldflags $stamp" -o "$out" "$pkg"

# The tags must be recorded in the binary, and the no-tags stub must be absent.
go version -m "$out" | grep -q -- "-tags=$tags" ||
	die "$out was not built with -tags $tags"
if grep -qa 'will not build without the correct build tags' "$out"; then
	die "$out is the Wails no-build-tags stub, not the app"
fi
echo "build: $out ($mode, version $version)"
# The app rates passwords with its command-line twin, which it runs from its
# own directory (strength.go): the two are always built together.
[[ $mode == floor ]] || build_cli "$(dirname "$out")/forgiva"
