//go:build !desktop && !production && !dev

package main

import "embed"

// assets is empty in a build without the app's tags, which Wails refuses to
// run anyway; it lets the package compile and test before the frontend is
// built (assets.go holds the real one).
var assets embed.FS
