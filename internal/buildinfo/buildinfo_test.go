package buildinfo

import "testing"

func TestVersion(t *testing.T) {
	saved := version
	t.Cleanup(func() { version = saved })
	for _, tc := range []struct{ stamped, want string }{
		{"1.2.0+3.gabc1234", "1.2.0+3.gabc1234"},
		{"", "dev"}, // a test binary records no module version
	} {
		version = tc.stamped
		if got := Version(); got != tc.want {
			t.Errorf("stamped %q: Version() = %q, want %q", tc.stamped, got, tc.want)
		}
	}
}
