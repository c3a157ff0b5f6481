package main

import (
	"os"
	"path/filepath"

	"github.com/forgiva/forgiva-desktop/backend/strength/helper"
)

// twinName is the command-line twin's program, which the package installs
// beside this one (/usr/bin) and scripts/build.sh builds beside it
// (build/bin).
const twinName = "forgiva"

// strengthHelper rates passwords in the command-line twin (forgiva
// strength-helper) rather than here: zxcvbn's lists would stay in this
// process, which waits all day in the tray, for a rating needed only while
// a vault password or an export passphrase is chosen (README, Memory).
func strengthHelper() *helper.Client {
	return helper.NewClient(twinPath(os.Executable), "strength-helper")
}

// twinPath is the twin beside the running program; "" when the program
// cannot tell where it is, which the helper reports when asked to rate.
func twinPath(executable func() (string, error)) string {
	exe, err := executable()
	if err != nil {
		return ""
	}
	return filepath.Join(filepath.Dir(exe), twinName)
}
