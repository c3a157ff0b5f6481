package vault

import (
	"context"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/net/publicsuffix"
)

// The window a quick generation types into usually names its site in its
// title ("Sign in to GitHub · GitHub — Mozilla Firefox"), so the entries
// are ranked by how their host shows in it:
//   - titleHost: the whole host ("accounts.google.com");
//   - titleDomain: its registrable domain ("google.com", by the public
//     suffix list, so "bbc.co.uk" and not "co.uk");
//   - titleName: the domain's name as a word of the title ("GitHub" for
//     github.com), at least three letters long.
//
// Within a rank, a host that is its registrable domain comes first: the
// title "GitHub" means github.com more than gist.github.com.
const (
	titleNone = iota
	titleName
	titleDomain
	titleHost
)

// MatchTitle lists the entries whose host the window title names, best
// first (then in the index's order), at most count of them.
func (v *Vault) MatchTitle(ctx context.Context, title string, count int) ([]Entry, error) {
	if len(title) > maxFieldBytes {
		title = title[:maxFieldBytes] // a title is a hint, not input to refuse
	}
	if count <= 0 {
		count = defaultPageSize
	}
	var hits []Entry
	err := v.read(ctx, func(_ *keys, ix *index) error {
		hits = ix.matchTitle(title, count)
		return nil
	})
	return hits, err
}

func (ix *index) matchTitle(title string, count int) []Entry {
	// Lower case, not fold: the public suffix list is written in it.
	t := strings.ToLower(title)
	if strings.TrimSpace(t) == "" {
		return []Entry{}
	}
	words := strings.FieldsFunc(t, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	ranked := make([][]Entry, 2*(titleHost+1))
	for _, r := range ix.all {
		rank, isDomain := titleRank(strings.ToLower(r.entry.Host), t, words)
		if rank == titleNone {
			continue
		}
		slot := 2 * rank
		if isDomain {
			slot++
		}
		ranked[slot] = append(ranked[slot], r.out())
	}
	slices.Reverse(ranked)
	out := slices.Concat(ranked...)
	return out[:min(count, len(out))]
}

// titleRank says how title names host, and whether host is its own
// registrable domain.
func titleRank(host, title string, words []string) (rank int, isDomain bool) {
	host = strings.TrimSuffix(strings.TrimSpace(host), ".")
	if host == "" {
		return titleNone, false
	}
	domain, err := publicsuffix.EffectiveTLDPlusOne(host)
	isDomain = err == nil && domain == host
	switch {
	case containsName(title, host):
		return titleHost, isDomain
	case err != nil: // not a domain name ("intranet", an address): by its whole only
		return titleNone, false
	case containsName(title, domain):
		return titleDomain, isDomain
	}
	suffix, _ := publicsuffix.PublicSuffix(domain)
	name := strings.TrimSuffix(domain, "."+suffix)
	if len(name) >= 3 && slices.Contains(words, name) {
		return titleName, isDomain
	}
	return titleNone, false
}

// containsName reports whether name stands in text on its own, not as a
// piece of a longer host name: "ab.io" is not in "grab.io".
func containsName(text, name string) bool {
	for from := 0; ; {
		i := strings.Index(text[from:], name)
		if i < 0 {
			return false
		}
		i += from
		end := i + len(name)
		if (i == 0 || !hostByte(text[i-1])) && (end == len(text) || !hostByte(text[end])) {
			return true
		}
		from = i + 1
	}
}

func hostByte(c byte) bool {
	return c == '.' || c == '-' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 0x80
}
