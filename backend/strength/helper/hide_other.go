//go:build !windows

package helper

import "os/exec"

// hideWindow has nothing to hide outside Windows.
func hideWindow(*exec.Cmd) {}
