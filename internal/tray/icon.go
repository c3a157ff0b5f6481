//go:build !darwin

package tray

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
)

// iconSize is the side of the tray icon in pixels: trays draw 16 to 48,
// and the app icon (1024) would cross D-Bus as 4 MiB of pixels.
const iconSize = 64

// scalePNG decodes a PNG and shrinks it to size×size by averaging boxes of
// pixels (premultiplied, so transparent edges do not darken).
func scalePNG(data []byte, size int) (*image.RGBA, error) {
	src, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("decode icon: %w", err)
	}
	b := src.Bounds()
	if b.Dx() < size || b.Dy() < size {
		return nil, fmt.Errorf("icon is %dx%d, smaller than %d", b.Dx(), b.Dy(), size)
	}
	dst := image.NewRGBA(image.Rect(0, 0, size, size))
	for y := range size {
		y0, y1 := b.Min.Y+y*b.Dy()/size, b.Min.Y+(y+1)*b.Dy()/size
		for x := range size {
			x0, x1 := b.Min.X+x*b.Dx()/size, b.Min.X+(x+1)*b.Dx()/size
			dst.SetRGBA(x, y, boxAverage(src, x0, y0, x1, y1))
		}
	}
	return dst, nil
}

func boxAverage(src image.Image, x0, y0, x1, y1 int) color.RGBA {
	var r, g, b, a, n uint64
	for y := y0; y < y1; y++ {
		for x := x0; x < x1; x++ {
			pr, pg, pb, pa := src.At(x, y).RGBA()
			r, g, b, a, n = r+uint64(pr), g+uint64(pg), b+uint64(pb), a+uint64(pa), n+1
		}
	}
	return color.RGBA{R: uint8(r / n >> 8), G: uint8(g / n >> 8), B: uint8(b / n >> 8), A: uint8(a / n >> 8)}
}

// smallPNG is the icon shrunk to iconSize, as PNG.
func smallPNG(data []byte) ([]byte, error) {
	img, err := scalePNG(data, iconSize)
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	if err := png.Encode(&out, img); err != nil {
		return nil, fmt.Errorf("encode icon: %w", err)
	}
	return out.Bytes(), nil
}
