//go:build unix

package forgiva

import (
	"syscall"
	"time"
)

// cpuClock is the CPU time this process has used, as a time: it advances
// with the work done and stands still while the process waits for a CPU.
func cpuClock() time.Time {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		panic("getrusage: " + err.Error())
	}
	used := time.Duration(u.Utime.Nano() + u.Stime.Nano())
	return time.Unix(0, 0).Add(used)
}
