//go:build !darwin

package tray

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"testing"
)

func TestScalePNGAveragesBoxes(t *testing.T) {
	// 4x4: left half opaque red, right half transparent.
	src := image.NewNRGBA(image.Rect(0, 0, 4, 4))
	for y := range 4 {
		for x := range 2 {
			src.Set(x, y, color.NRGBA{R: 255, A: 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, src); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		size int
		x, y int
		want color.RGBA
	}{
		{2, 0, 0, color.RGBA{R: 255, A: 255}},
		{2, 1, 1, color.RGBA{}},
		{1, 0, 0, color.RGBA{R: 127, A: 127}}, // premultiplied half
	}
	for _, c := range cases {
		img, err := scalePNG(buf.Bytes(), c.size)
		if err != nil {
			t.Fatal(err)
		}
		if got := img.RGBAAt(c.x, c.y); got != c.want || img.Bounds().Dx() != c.size {
			t.Errorf("size %d pixel (%d,%d) = %v, want %v", c.size, c.x, c.y, got, c.want)
		}
	}
	if _, err := scalePNG(buf.Bytes(), 8); err == nil {
		t.Error("scaling up was accepted")
	}
	if _, err := scalePNG([]byte("not a png"), 2); err == nil {
		t.Error("garbage was accepted")
	}
}

func TestAppIconShrinks(t *testing.T) {
	appIcon, err := os.ReadFile("../../build/appicon.png")
	if err != nil {
		t.Fatal(err)
	}
	small, err := smallPNG(appIcon)
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(small))
	if err != nil || cfg.Width != iconSize || cfg.Height != iconSize {
		t.Fatalf("tray icon %dx%d (%v), want %d square", cfg.Width, cfg.Height, err, iconSize)
	}
}
