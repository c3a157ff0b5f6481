//go:build !unix

package forgiva

import "time"

// cpuClock falls back to the wall clock where getrusage is missing.
func cpuClock() time.Time { return time.Now() }
