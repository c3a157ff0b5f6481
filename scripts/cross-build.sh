#!/usr/bin/env bash
# Cross-builds what CI cannot run here, so that a break on another OS is
# caught on Linux: the desktop app for Windows (Wails' Windows backend needs
# no cgo) and the command-line twin for Windows and macOS (pure Go).
# The frontend must be built first (the app embeds frontend/dist).
set -euo pipefail
cd "$(dirname "$0")/.."

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

build() { # label GOOS GOARCH args...
	local label=$1 goos=$2 goarch=$3
	shift 3
	printf 'cross-build: %s (%s/%s)\n' "$label" "$goos" "$goarch"
	CGO_ENABLED=0 GOOS=$goos GOARCH=$goarch go build -trimpath "$@"
}

# The same tags as the Linux build (scripts/webkit.sh): webkit2_41 is inert on
# Windows, and a tag that broke the Windows build would show here.
build "desktop app" windows amd64 -tags "$(scripts/webkit.sh tags desktop,production)" -ldflags "-w -s -H windowsgui" -o "$out/forgiva-desktop.exe" .
build "command line" windows amd64 -o "$out/forgiva.exe" ./cmd/forgiva
build "command line" darwin arm64 -o "$out/forgiva-darwin-arm64" ./cmd/forgiva
build "command line" darwin amd64 -o "$out/forgiva-darwin-amd64" ./cmd/forgiva
echo "cross-build: ok"
