#!/usr/bin/env bash
# Writes the Debian package: build/dist/forgiva-desktop_VERSION_ARCH.deb
#   /usr/bin/forgiva-desktop, /usr/bin/forgiva, the desktop entry, hicolor
#   icons, AppStream metainfo, forgiva(1) made from the CLI's own help, and
#   the copyright file.
# Depends are the runtime libraries the app links, as dpkg-shlibdeps reads them
# off the binary (so they name this distribution's packages: build the .deb on
# the release it is for). The package is written by nfpm, pinned in tools/go.mod.
set -euo pipefail
cd "$(dirname "$0")/.."

readonly name=forgiva-desktop
die() {
	printf 'package: %s\n' "$*" >&2
	exit 1
}

# runtime_depends: dpkg-shlibdeps' Depends for the app's binary, from a
# throwaway debian/control (it reads the binary package's name there). It
# fails, rather than print nothing, when dpkg-shlibdeps does.
runtime_depends() {
	local work out status=0
	work=$(mktemp -d -t forgiva-shlibdeps.XXXXXX)
	mkdir -p "$work/debian"
	printf 'Source: %s\n\nPackage: %s\nArchitecture: any\n' "$name" "$name" >"$work/debian/control"
	cp build/bin/$name "$work/"
	out=$(cd "$work" && dpkg-shlibdeps -O "$name" 2>&1) || status=$?
	rm -rf "$work"
	((status == 0)) || { printf '%s\n' "$out" >&2; return "$status"; }
	out=$(sed -n 's/^shlibs:Depends=//p' <<<"$out")
	[[ -n $out ]] || return 1
	printf '%s\n' "$out"
}

version=$(scripts/version.sh)
date=$(scripts/version.sh date)
arch=$(dpkg --print-architecture 2>/dev/null || go env GOARCH)
scripts/build.sh production
scripts/build.sh cli

stage=$(mktemp -d -t forgiva-package.XXXXXX)
trap 'rm -rf "$stage"' EXIT
usr=$stage/usr
install -D -m 0755 build/bin/$name "$usr/bin/$name"
install -D -m 0755 build/bin/forgiva "$usr/bin/forgiva"
install -D -m 0644 build/linux/$name.desktop "$usr/share/applications/$name.desktop"
for icon in build/linux/icons/hicolor/*/apps/$name.png; do
	install -D -m 0644 "$icon" "$usr/share/${icon#build/linux/}"
done
metainfo=io.github.forgiva.ForgivaDesktop.metainfo.xml
mkdir -p "$usr/share/metainfo"
sed -e "s/@VERSION@/$version/" -e "s/@DATE@/$date/" build/linux/$metainfo >"$usr/share/metainfo/$metainfo"
chmod 0644 "$usr/share/metainfo/$metainfo"
mkdir -p "$usr/share/man/man1"
go run ./scripts/manpage "$version" "$date" | gzip -9n >"$usr/share/man/man1/forgiva.1.gz"
gzip -9n <build/linux/$name.1 >"$usr/share/man/man1/$name.1.gz"
install -D -m 0644 build/linux/copyright "$usr/share/doc/$name/copyright"
printf '%s (%s) unstable; urgency=medium\n\n  * Built from git %s.\n\n -- %s  %s\n' \
	"$name" "$version" "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)" \
	"Forgiva Desktop developers <forgiva-desktop@users.noreply.github.com>" \
	"$(date -u -R -d "$date")" | gzip -9n >"$usr/share/doc/$name/changelog.gz"
chmod 0644 "$usr/share/man/man1/"*.gz "$usr/share/doc/$name/changelog.gz"

depends=$(runtime_depends) || die "cannot work out the runtime dependencies"
mkdir -p build/dist
deb=build/dist/${name}_${version}_${arch}.deb
rm -f "$deb"
(
	cd "$stage" &&
		FORGIVA_VERSION=$version FORGIVA_ARCH=$arch FORGIVA_DEPENDS=$depends \
			"$OLDPWD/scripts/tool.sh" nfpm package --config "$OLDPWD/build/linux/nfpm.yaml" \
			--packager deb --target "$OLDPWD/$deb" >/dev/null
) || die "nfpm could not write $deb"
echo "package: $deb"
echo "package: Depends: $depends"
