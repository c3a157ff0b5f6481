#!/usr/bin/env bash
# Installs Forgiva Desktop for the current user, no root needed:
#   ~/.local/bin/forgiva-desktop                                   the app
#   ~/.local/bin/forgiva                                           its command-line twin,
#                                                                  which rates passwords for it
#   ~/.local/share/icons/hicolor/SIZE/apps/forgiva-desktop.png     its icons
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
apps_dir=$data_home/applications

die() {
	printf 'install: %s\n' "$*" >&2
	exit 1
}

[[ -x $binary ]] || die "$binary is missing or not executable: run 'make build' first"
twin=$(dirname "$binary")/forgiva
[[ -x $twin ]] || die "$twin is missing: the app runs it to rate passwords; run 'make build' first"
# A binary built without the Wails tags compiles, then only prints a warning.
if grep -qa 'will not build without the correct build tags' "$binary"; then
	die "$binary is the Wails no-build-tags stub, not the app: build it with 'make build'"
fi

mkdir -p "$bin_dir" "$apps_dir"

# Copy then rename, so a running copy of the app keeps its file.
install -m 0755 "$binary" "$bin_dir/.$name.new"
mv -f "$bin_dir/.$name.new" "$bin_dir/$name"
install -m 0755 "$twin" "$bin_dir/.forgiva.new"
mv -f "$bin_dir/.forgiva.new" "$bin_dir/forgiva"

# The icon in every size scripts/make-icon.sh drew (the package ships the same).
for icon in build/linux/icons/hicolor/*/apps/$name.png; do
	size_dir=$data_home/icons/hicolor/$(basename "$(dirname "$(dirname "$icon")")")/apps
	mkdir -p "$size_dir"
	install -m 0644 "$icon" "$size_dir/$name.png"
done

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
echo "install: $data_home/icons/hicolor/*/apps/$name.png"
echo "install: $apps_dir/$name.desktop"
case ":$PATH:" in
*":$bin_dir:"*) ;;
*) echo "install: note: $bin_dir is not on your PATH; the menu launcher works all the same" ;;
esac
