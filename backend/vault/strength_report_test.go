package vault

import "testing"

func TestPasswordStrengthAgreesWithCreate(t *testing.T) {
	for _, pw := range []string{"", "aaaaaaaaaaaaaaaaaaaa", "short1!", testPassword, "Tr0ub4dor&3-x9Q!vb"} {
		got := PasswordStrength([]byte(pw))
		err := checkPasswordStrength([]byte(pw))
		if got.OK != (err == nil) {
			t.Errorf("%q: OK=%v but the create rule says %v", pw, got.OK, err)
		}
		if !got.OK && got.Message != ErrorMessage(err) {
			t.Errorf("%q: message %q, want %q", pw, got.Message, ErrorMessage(err))
		}
		if got.OK && got.Message != "" {
			t.Errorf("%q: strong password with message %q", pw, got.Message)
		}
		if want := int(passwordBits([]byte(pw))); got.Bits != want {
			t.Errorf("%q: %d bits, want %d", pw, got.Bits, want)
		}
	}
}
