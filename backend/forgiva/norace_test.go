//go:build !race

package forgiva

const raceEnabled = false
