package frequency

import "testing"

// The lists are upstream's: their sizes and their first and last words.
func TestFrequencyLists(t *testing.T) {
	want := map[string]struct {
		n           int
		first, last string
	}{
		"passwords":         {30000, "123456", "geekboy"},
		"english_wikipedia": {30000, "the", "evaporator"},
		"female_names":      {3712, "mary", "allyn"},
		"surnames":          {10000, "smith", "bonnette"},
		"us_tv_and_film":    {19160, "you", "a'right"},
		"male_names":        {983, "james", "alonso"},
	}
	lists := FrequencyLists()
	if len(lists) != len(want) {
		t.Errorf("%d lists, want %d", len(lists), len(want))
	}
	for name, w := range want {
		l := lists[name]
		if len(l) != w.n || l[0] != w.first || l[len(l)-1] != w.last {
			t.Errorf("%s: %d words, %q to %q; want %d, %q to %q", name, len(l), l[0], l[len(l)-1], w.n, w.first, w.last)
		}
	}
}
