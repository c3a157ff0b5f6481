#!/usr/bin/env bash
# Draws build/appicon.png (1024x1024): a white key on a blue rounded square,
# and from it the hicolor sizes the package and `make install` ship
# (build/linux/icons/hicolor/SIZE/apps/forgiva-desktop.png).
# Kept as a script so the icon can be redrawn or changed on purpose.
# Needs ImageMagick 6 (Debian's imagemagick package).
set -euo pipefail
cd "$(dirname "$0")/.."

# /usr/bin first: an earlier `convert` on PATH may not be ImageMagick.
convert=/usr/bin/convert
[[ -x $convert ]] || convert=$(command -v convert)

out=build/appicon.png
"$convert" -size 1024x1024 xc:none \
	\( -size 1024x1024 gradient:'#3b82f6-#1e3a8a' \) \
	\( -size 1024x1024 xc:black -fill white -draw 'roundrectangle 64,64 959,959 200,200' \) \
	-delete 0 -alpha off -compose CopyOpacity -composite \
	-fill none -stroke white -strokewidth 72 \
	-draw 'circle 352,512 352,662' \
	-stroke none -fill white \
	-draw 'roundrectangle 470,476 840,548 18,18' \
	-draw 'roundrectangle 700,520 760,660 14,14' \
	-draw 'roundrectangle 790,520 840,620 14,14' \
	-strip "PNG32:$out"
echo "wrote $out"

for size in 48 64 128 256 512; do
	dir=build/linux/icons/hicolor/${size}x${size}/apps
	mkdir -p "$dir"
	"$convert" "$out" -resize "${size}x${size}" -strip "PNG32:$dir/forgiva-desktop.png"
	echo "wrote $dir/forgiva-desktop.png"
done
