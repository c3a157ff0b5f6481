#!/usr/bin/env bash
# Validates a .deb the way a distribution would: lintian, and the desktop
# entry and AppStream metainfo inside it. Fails on any error (warnings are
# printed and let through).
#   usage: scripts/check-package.sh build/dist/forgiva-desktop_VERSION_ARCH.deb
set -euo pipefail

(($# == 1)) || {
	echo "usage: $0 DEB" >&2
	exit 2
}
deb=$1
say() { printf 'check-package: %s\n' "$*"; }
die() {
	say "$*" >&2
	exit 1
}
for tool in lintian desktop-file-validate appstreamcli; do
	command -v "$tool" >/dev/null || die "$tool is missing (make deps installs lintian, desktop-file-utils, appstream)"
done

root=$(mktemp -d -t forgiva-check.XXXXXX)
trap 'rm -rf "$root"' EXIT
dpkg-deb -x "$deb" "$root"

for want in usr/bin/forgiva-desktop usr/bin/forgiva usr/share/applications/forgiva-desktop.desktop \
	usr/share/icons/hicolor/{48x48,128x128,256x256}/apps/forgiva-desktop.png \
	usr/share/man/man1/forgiva.1.gz usr/share/man/man1/forgiva-desktop.1.gz; do
	[[ -s $root/$want ]] || die "$deb lacks /$want"
done
metainfo=("$root"/usr/share/metainfo/*.metainfo.xml)
[[ -s ${metainfo[0]} ]] || die "$deb lacks AppStream metainfo in /usr/share/metainfo"
if dpkg-deb -f "$deb" Depends | grep -q -- '-dev\b\|golang\|nodejs'; then
	die "$deb depends on build tools: $(dpkg-deb -f "$deb" Depends)"
fi

desktop-file-validate "$root"/usr/share/applications/*.desktop
say "desktop-file-validate: no errors"
appstreamcli validate --no-net --explain "${metainfo[@]}"
say "appstreamcli validate: no errors"
# lintian exits 1 when it reports an error (E:) and prints warnings alone.
lintian_out=$(lintian --tag-display-limit 0 "$deb" 2>&1) || {
	printf '%s\n' "$lintian_out"
	die "lintian reports errors"
}
[[ -z $lintian_out ]] || printf '%s\n' "$lintian_out"
say "lintian: no errors"
say "$deb ok"
