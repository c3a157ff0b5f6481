//go:build race

package forgiva

// raceEnabled: the binary runs under the race detector (go test -race).
const raceEnabled = true
