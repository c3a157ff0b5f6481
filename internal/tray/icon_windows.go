package tray

import "encoding/binary"

// trayIcon is the tray's picture: Windows takes an .ico file, which may
// hold a PNG image (since Vista).
func trayIcon(appIcon []byte) ([]byte, error) {
	small, err := smallPNG(appIcon)
	if err != nil {
		return nil, err
	}
	return icoFromPNG(small, iconSize), nil
}

// icoFromPNG wraps one size×size PNG in an ICO container: a 6-byte header
// and one 16-byte directory entry pointing at the PNG.
func icoFromPNG(pngData []byte, size int) []byte {
	const headerLen = 6 + 16
	ico := make([]byte, headerLen, headerLen+len(pngData))
	binary.LittleEndian.PutUint16(ico[2:], 1)   // type: icon
	binary.LittleEndian.PutUint16(ico[4:], 1)   // one image
	ico[6], ico[7] = byte(size), byte(size)     // 0 would mean 256
	binary.LittleEndian.PutUint16(ico[10:], 1)  // colour planes
	binary.LittleEndian.PutUint16(ico[12:], 32) // bits per pixel
	binary.LittleEndian.PutUint32(ico[14:], uint32(len(pngData)))
	binary.LittleEndian.PutUint32(ico[18:], headerLen)
	return append(ico, pngData...)
}
