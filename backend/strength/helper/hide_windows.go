package helper

import (
	"os/exec"
	"syscall"
)

// createNoWindow keeps Windows from opening a console window for the helper,
// a console program started by a windowed one.
const createNoWindow = 0x08000000

func hideWindow(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{HideWindow: true, CreationFlags: createNoWindow}
}
