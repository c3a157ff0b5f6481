// Package buildinfo holds the version the build stamped into the binary, so
// that the app's About box and `forgiva --version` say the same thing.
package buildinfo

import "runtime/debug"

// version is set at link time by scripts/build.sh (which make calls):
//
//	-ldflags "-X github.com/forgiva/forgiva-desktop/internal/buildinfo.version=$(scripts/version.sh)"
var version string

// Version reports the stamped version; a plain `go build` has none, and then
// the module version Go recorded, or "dev".
func Version() string {
	if version != "" {
		return version
	}
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "dev"
}
