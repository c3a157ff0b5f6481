//go:build desktop || production || dev

package main

import "embed"

// assets is the built frontend (npm run build); "all:" keeps files whose names
// start with "." or "_", which Vite may emit. Only the app's builds embed it
// (scripts/build.sh always passes these tags): a plain `go vet ./...` or
// `go test ./...` on a fresh clone needs no frontend build (assets_none.go).
//
//go:embed all:frontend/dist
var assets embed.FS
