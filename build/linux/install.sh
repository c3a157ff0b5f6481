#!/usr/bin/env bash
# Installs Forgiva Desktop for the current user, no root needed:
#   ~/.local/bin/forgiva-desktop                                   the app
#   ~/.local/share/icons/hicolor/256x256/apps/forgiva-desktop.png  its icon
#   ~/.local/share/applications/forgiva-desktop.desktop            its launcher
# (~/.local/share is $XDG_DATA_HOME when set.) `make install` builds the
# binary first and runs this.
#
#   usage: build/linux/install.sh [BINARY]   (default build/bin/forgiva-desktop)
set -euo pipefail
cd "$(dirname "$0")/../.."

readonly name=forgiva-desktop
binary=${1:-build/bin/$name}
data_home=${XDG_DATA_HOME:-$HOME/.local/share}
bin_dir=$HOME/.local/bin
icon_dir=$data_home/icons/hicolor/256x256/apps
apps_dir=$data_home/applications

die() {
	printf 'install: %s\n' "$*" >&2
	exit 1
}

[[ -x $binary ]] || die "$binary is missing or not executable: run 'make build' first"
# A binary built without the Wails tags compiles, then only prints a warning.
if grep -qa 'will not build without the correct build tags' "$binary"; then
	die "$binary is the Wails no-build-tags stub, not the app: build it with 'make build'"
fi

mkdir -p "$bin_dir" "$icon_dir" "$apps_dir"

# Copy then rename, so a running copy of the app keeps its file.
install -m 0755 "$binary" "$bin_dir/.$name.new"
mv -f "$bin_dir/.$name.new" "$bin_dir/$name"

# resize_icon SRC DST: ImageMagick when it is really there, else a plain copy
# (desktops scale a larger icon themselves).
resize_icon() {
	local tool
	for tool in magick /usr/bin/convert; do
		if command -v "$tool" >/dev/null && "$tool" "$1" -resize 256x256 "PNG32:$2" 2>/dev/null &&
			[[ $(head -c 8 "$2" | od -An -tx1 | tr -d ' \n') == 89504e470d0a1a0a ]]; then
			return 0
		fi
	done
	cp -f "$1" "$2"
}
resize_icon build/appicon.png "$icon_dir/$name.png"
chmod 0644 "$icon_dir/$name.png"

# desktop_exec PATH: PATH as an Exec program, quoted when it holds characters
# the desktop entry spec reserves (backslash, quote, dollar, backquote escaped).
desktop_exec() {
	local path=$1
	if [[ $path =~ [[:space:]\"\'\\\$\`\<\>\~\|\&\;\*\?\#\(\)] ]]; then
		path=${path//\\/\\\\\\\\}
		path=${path//\"/\\\\\"}
		path=${path//\$/\\\\\$}
		path=${path//\`/\\\\\`}
		path="\"$path\""
	fi
	printf '%s' "$path"
}

# The launcher: the packaged desktop file with Exec pointing at the
# installed binary by absolute path (~/.local/bin is often not on PATH).
exec_program=$(desktop_exec "$bin_dir/$name")
while IFS= read -r line || [[ -n $line ]]; do
	if [[ $line == "Exec=$name"* ]]; then
		line="Exec=$exec_program${line#"Exec=$name"}"
	fi
	printf '%s\n' "$line"
done <"build/linux/$name.desktop" >"$apps_dir/.$name.desktop.new"
chmod 0644 "$apps_dir/.$name.desktop.new"
mv -f "$apps_dir/.$name.desktop.new" "$apps_dir/$name.desktop"

if command -v update-desktop-database >/dev/null; then
	update-desktop-database -q "$apps_dir" || true
fi
if command -v gtk-update-icon-cache >/dev/null && [[ -f $data_home/icons/hicolor/index.theme ]]; then
	gtk-update-icon-cache -q -t "$data_home/icons/hicolor" || true
fi

echo "install: $bin_dir/$name"
echo "install: $icon_dir/$name.png"
echo "install: $apps_dir/$name.desktop"
case ":$PATH:" in
*":$bin_dir:"*) ;;
*) echo "install: note: $bin_dir is not on your PATH; the menu launcher works all the same" ;;
esac
