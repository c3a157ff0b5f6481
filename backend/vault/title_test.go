package vault

import (
	"context"
	"slices"
	"testing"

	"github.com/forgiva/forgiva-desktop/internal/testkit"
)

func TestMatchTitle(t *testing.T) {
	ctx := context.Background()
	v, _ := newTestVault(t)
	g := firstGroup(t, v).ID
	for _, host := range []string{"github.com", "gist.github.com", "accounts.google.com", "mail.google.com",
		"bbc.co.uk", "co.uk.example", "intranet", "git.example.org", "ab.io"} {
		testkit.Must(v.AddEntry(ctx, entryInput(g, host, "ann")))(t)
	}
	hosts := func(title string) []string {
		t.Helper()
		var out []string
		for _, e := range testkit.Must(v.MatchTitle(ctx, title, 50))(t) {
			out = append(out, e.Host)
		}
		return out
	}
	tests := []struct {
		title string
		want  []string
	}{
		{"Sign in to GitHub · GitHub — Mozilla Firefox", []string{"github.com", "gist.github.com"}},
		{"gist.github.com/ann - Chromium", []string{"gist.github.com", "github.com"}},
		{"Gmail - accounts.google.com", []string{"accounts.google.com", "mail.google.com"}},
		{"BBC - Home (bbc.co.uk)", []string{"bbc.co.uk"}},
		{"Intranet portal", []string{"intranet"}}, // not a domain: by its whole name only
		{"grab.io and co.uk.examples", nil},       // a host inside a longer one does not count
		{"AB testing", nil},                       // a two-letter name is too short to be a word match
		{"Terminal", nil},
		{"", nil},
	}
	for _, tt := range tests {
		if got := hosts(tt.title); !slices.Equal(got, tt.want) {
			t.Errorf("MatchTitle(%q) = %q, want %q", tt.title, got, tt.want)
		}
	}
	if got := testkit.Must(v.MatchTitle(ctx, "github", 1))(t); len(got) != 1 {
		t.Errorf("count 1 gave %d entries", len(got))
	}
}
