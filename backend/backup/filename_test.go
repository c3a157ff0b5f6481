package backup

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestFileName(t *testing.T) {
	day := time.Date(2024, 3, 9, 23, 59, 0, 0, time.FixedZone("CET", 3600))
	tests := []struct{ group, want string }{
		{"", "Forgiva-2024-03-09-backup.fgdump"},
		{"Accounts", "Accounts-2024-03-09-backup.fgdump"},
		{"Work <R&D>", "Work _R&D_-2024-03-09-backup.fgdump"},
		{`a/b\c:d*e?f"g|h`, "a_b_c_d_e_f_g_h-2024-03-09-backup.fgdump"},
		{"tab\there\nnewline", "tab_here_newline-2024-03-09-backup.fgdump"},
		{"..hidden", "hidden-2024-03-09-backup.fgdump"},
		{" . ", "Forgiva-2024-03-09-backup.fgdump"},
		{"Ünïcødé 日本", "Ünïcødé 日本-2024-03-09-backup.fgdump"},
		{"bad\xffutf8", "bad_utf8-2024-03-09-backup.fgdump"},
		{"CON.d", "_CON.d-2024-03-09-backup.fgdump"},
		{"lpt1.example", "_lpt1.example-2024-03-09-backup.fgdump"},
		{"example.com", "example.com-2024-03-09-backup.fgdump"},
		{"COM10.x", "COM10.x-2024-03-09-backup.fgdump"},
		{strings.Repeat("é", 80), strings.Repeat("é", 50) + "-2024-03-09-backup.fgdump"},
	}
	for _, tt := range tests {
		if got := FileName(tt.group, day); got != tt.want {
			t.Errorf("FileName(%q) = %q, want %q", tt.group, got, tt.want)
		}
	}
}

func TestPathsFollowParents(t *testing.T) {
	b := Backup{Groups: []Group{
		{ID: 10, Name: "A"}, {ID: 11, ParentID: 10, Name: "B"}, {ID: 12, ParentID: 11, Name: "C"},
		{ID: 13, Name: "D"}, {ID: 14, ParentID: 10, Name: "E"},
	}}
	want := [][]string{{"A"}, {"A", "B"}, {"A", "B", "C"}, {"D"}, {"A", "E"}}
	paths := b.Paths()
	if !reflect.DeepEqual(paths, want) {
		t.Fatalf("Paths() = %q, want %q", paths, want)
	}
	paths[1][0] = "changed" // paths share no storage
	if paths[2][0] != "A" || paths[4][0] != "A" {
		t.Error("paths share storage")
	}
}

func TestDecodeOrdersParentsFirst(t *testing.T) {
	// Children listed before their parents, and two roots.
	input := doc([]string{
		group("id", "3", "parentGroupId", "2", "groupName", `"C"`),
		group("id", "4", "groupName", `"D"`),
		group("id", "2", "parentGroupId", "1", "groupName", `"B"`),
		group("id", "5", "parentGroupId", "1", "groupName", `"E"`),
		group("id", "1", "groupName", `" A "`),
	})
	b, err := Decode([]byte(input))
	if err != nil {
		t.Fatal(err)
	}
	var order []int64
	for _, g := range b.Groups {
		order = append(order, g.ID)
	}
	if want := []int64{4, 1, 2, 3, 5}; !reflect.DeepEqual(order, want) {
		t.Errorf("order %v, want %v", order, want)
	}
	if b.Groups[1].Name != "A" {
		t.Errorf("group name %q not trimmed", b.Groups[1].Name)
	}
}
