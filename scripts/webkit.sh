#!/usr/bin/env bash
# The one place that decides which WebKitGTK the desktop app builds against.
# Every build path asks it: scripts/deps.sh (which package to install),
# scripts/build.sh and scripts/cross-build.sh (the Go tags), the window test's
# fallback build (through build.sh) and the README's "Building by hand". (The
# package's runtime dependency follows from the binary: dpkg-shlibdeps.)
#
# WebKitGTK 4.1 (libsoup 3) wherever the distribution has it: Debian 12 has
# both, Debian 13 and Ubuntu 24.04+ have only 4.1. 4.0 only where 4.1 is
# missing. Wails v2 builds against 4.1 with the Go tag webkit2_41.
#
#   scripts/webkit.sh                 4.1 or 4.0
#   scripts/webkit.sh tags [BASE]     the Go build tags: BASE (default
#                                     desktop,production) and, with 4.1, webkit2_41
#   scripts/webkit.sh dev-package     the Debian package to build with
#
# FORGIVA_WEBKIT=4.0 or 4.1 overrides the choice.
set -euo pipefail

# apt_candidate PKG: true when apt can install PKG from its current lists.
apt_candidate() {
	command -v apt-cache >/dev/null || return 1
	local candidate
	candidate=$(apt-cache policy "$1" 2>/dev/null | sed -n 's/^ *Candidate: *//p')
	[[ -n $candidate && $candidate != "(none)" ]]
}

has_pkgconfig() {
	command -v pkg-config >/dev/null && pkg-config --exists "$1"
}

flavour() {
	case ${FORGIVA_WEBKIT:-} in
	4.0 | 4.1)
		echo "$FORGIVA_WEBKIT"
		return
		;;
	"") ;;
	*)
		echo "webkit: FORGIVA_WEBKIT must be 4.0 or 4.1, not '$FORGIVA_WEBKIT'" >&2
		exit 2
		;;
	esac
	if has_pkgconfig webkit2gtk-4.1 || apt_candidate libwebkit2gtk-4.1-dev; then
		echo 4.1
	elif has_pkgconfig webkit2gtk-4.0 || apt_candidate libwebkit2gtk-4.0-dev; then
		echo 4.0
	else
		echo 4.1 # what a current distribution offers; deps.sh names it when it is missing
	fi
}

version=$(flavour)
case ${1:-flavour} in
flavour) echo "$version" ;;
tags)
	base=${2:-desktop,production}
	if [[ $version == 4.1 ]]; then
		echo "$base,webkit2_41"
	else
		echo "$base"
	fi
	;;
dev-package) echo "libwebkit2gtk-$version-dev" ;;
*)
	echo "usage: $0 [flavour|tags [BASE]|dev-package]" >&2
	exit 2
	;;
esac
