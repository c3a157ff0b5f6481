package cli

import (
	"reflect"
	"testing"
)

func TestJoinRenewDate(t *testing.T) {
	tests := []struct{ args, want []string }{
		{[]string{"3", "--animal", "Ape"}, []string{"3", "--animal", "Ape"}},
		{[]string{"3", "--renew", "2025-01-02"}, []string{"3", "--renew=2025-01-02"}},
		{[]string{"3", "-renew", "2025-01-02", "--hex"}, []string{"3", "-renew=2025-01-02", "--hex"}},
		{[]string{"3", "--renew", "--animal", "Ape"}, []string{"3", "--renew", "--animal", "Ape"}},
		{[]string{"3", "--animal", "Ape", "--renew"}, []string{"3", "--animal", "Ape", "--renew"}},
		{[]string{"3", "--renew=2025-01-02"}, []string{"3", "--renew=2025-01-02"}},
	}
	for _, tt := range tests {
		if got := joinRenewDate(tt.args); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("joinRenewDate(%q) = %q, want %q", tt.args, got, tt.want)
		}
	}
}

func TestRenewFlag(t *testing.T) {
	tests := []struct {
		value, wantDate string
		wantSet         bool
	}{
		{"true", "2025-03-04", true},
		{"2024-12-31", "2024-12-31", true},
		{"false", "", false},
	}
	for _, tt := range tests {
		f := &renewFlag{today: func() string { return "2025-03-04" }}
		if err := f.Set(tt.value); err != nil {
			t.Fatal(err)
		}
		if f.date != tt.wantDate || f.set != tt.wantSet {
			t.Errorf("Set(%q): date %q set %v, want %q %v", tt.value, f.date, f.set, tt.wantDate, tt.wantSet)
		}
	}
}

func TestCell(t *testing.T) {
	tests := map[string]string{
		"mail.example": "mail.example",
		"":             `""`,
		"tab\there":    `"tab\there"`,
		"Σωκράτης":     "Σωκράτης",
	}
	for in, want := range tests {
		if got := cell(in); got != want {
			t.Errorf("cell(%q) = %q, want %q", in, got, want)
		}
	}
}
