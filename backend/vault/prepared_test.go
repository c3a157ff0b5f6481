package vault

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/forgiva/forgiva-desktop/backend/forgiva"
	"github.com/forgiva/forgiva-desktop/internal/testkit"
)

func TestPreparedPicksWhatGenerateGives(t *testing.T) {
	ctx := context.Background()
	v, f := newTestVault(t)
	in := entryInput(firstGroup(t, v).ID, "mail.example", "ann")
	in.Length = 12
	e := testkit.Must(v.AddEntry(ctx, in))(t)
	master := []byte("master key 1")
	renewal := "2026-01-15"

	for i, animal := range []forgiva.Animal{0, 7, forgiva.AnimalCount - 1} {
		p := testkit.Must(v.Prepare(ctx, PrepareRequest{EntryID: e.ID, MasterKey: master, Renewal: &renewal}))(t)
		var last, total int64
		if err := p.Run(ctx, func(done, all int64) { last, total = done, all }); err != nil {
			t.Fatal(err)
		}
		if total == 0 || last != total {
			t.Fatalf("progress ended at %d of %d", last, total)
		}
		if got := testkit.Must(v.Entry(ctx, e.ID))(t); len(got.Renewals) != i || got.GeneratedBefore != (i > 0) {
			t.Fatalf("Run %d recorded a generation before its pick: %+v", i, got)
		}
		f.clock.Advance(time.Second)
		pw := testkit.Must(p.Pick(ctx, animal))(t)
		if want := direct(t, e, renewal, master, nil, animal); pw.String() != want {
			t.Fatalf("%v: picked %q, Generate gives %q", animal, pw.String(), want)
		}
		pw.Wipe()
		if _, err := p.Pick(ctx, animal); err == nil {
			t.Fatalf("%v: a second pick succeeded", animal)
		}
		p.Wipe()
	}
	got := testkit.Must(v.Entry(ctx, e.ID))(t)
	if got.LastRenewal == nil || *got.LastRenewal != renewal || !got.GeneratedBefore || len(got.Renewals) != 3 {
		t.Fatalf("picks not recorded: %+v", got)
	}
}

func TestPreparedRefusals(t *testing.T) {
	ctx := context.Background()
	v, _ := newTestVault(t)
	e := testkit.Must(v.AddEntry(ctx, entryInput(firstGroup(t, v).ID, "h.example", "a")))(t)
	key := []byte("k")

	_, err := v.Prepare(ctx, PrepareRequest{EntryID: e.ID})
	wantCode(t, err, Invalid, "master key")
	_, err = v.Prepare(ctx, PrepareRequest{EntryID: 404, MasterKey: key})
	wantCode(t, err, NotFound)
	bad := "\x00"
	_, err = v.Prepare(ctx, PrepareRequest{EntryID: e.ID, MasterKey: key, Renewal: &bad})
	wantCode(t, err, Invalid, "Renewal")

	p := testkit.Must(v.Prepare(ctx, PrepareRequest{EntryID: e.ID, MasterKey: key}))(t)
	_, err = p.Pick(ctx, 0)
	wantCode(t, err, Invalid, "not ready")
	canceled, cancel := context.WithCancel(ctx)
	cancel()
	wantCode(t, p.Run(canceled, nil), Canceled)
	wantCode(t, p.Run(ctx, nil), Invalid, "already run")

	p = testkit.Must(v.Prepare(ctx, PrepareRequest{EntryID: e.ID, MasterKey: key}))(t)
	if err := p.Run(ctx, nil); err != nil {
		t.Fatal(err)
	}
	_, err = p.Pick(ctx, forgiva.AnimalCount)
	wantCode(t, err, Invalid, "animal")
	p.Wipe()
	_, err = p.Pick(ctx, 0)
	wantCode(t, err, Invalid, "not ready")
	if got := testkit.Must(v.Entry(ctx, e.ID))(t); got.GeneratedBefore {
		t.Fatalf("a generation without a pick was recorded: %+v", got)
	}
}

// An entry edited between Prepare and Pick must not get a password for
// its old data recorded.
func TestPreparedEntryChangedMeanwhile(t *testing.T) {
	ctx := context.Background()
	v, f := newTestVault(t)
	in := entryInput(firstGroup(t, v).ID, "h.example", "a")
	e := testkit.Must(v.AddEntry(ctx, in))(t)
	p := testkit.Must(v.Prepare(ctx, PrepareRequest{EntryID: e.ID, MasterKey: []byte("k")}))(t)
	defer p.Wipe()
	if err := p.Run(ctx, nil); err != nil {
		t.Fatal(err)
	}
	f.clock.Advance(time.Second)
	in.Account = "b"
	testkit.Must(v.UpdateEntry(ctx, e.ID, in))(t)
	_, err := p.Pick(ctx, 0)
	wantCode(t, err, Conflict)
}

// Every state of an entry's history gives the password of that time, and
// asking for one records nothing; a date the entry never had is refused.
func TestPreparedAsOfEarlierStates(t *testing.T) {
	ctx := context.Background()
	v, f := newTestVault(t)
	e := testkit.Must(v.AddEntry(ctx, entryInput(firstGroup(t, v).ID, "bank.example", "ann")))(t)
	master := []byte("master key")
	pick := func(req PrepareRequest, animal forgiva.Animal) string {
		t.Helper()
		req.EntryID, req.MasterKey = e.ID, master
		p := testkit.Must(v.Prepare(ctx, req))(t)
		defer p.Wipe()
		if err := p.Run(ctx, nil); err != nil {
			t.Fatal(err)
		}
		pw := testkit.Must(p.Pick(ctx, animal))(t)
		defer pw.Wipe()
		return pw.String()
	}
	dates := []string{"2026-01-15", "2026-06-01"}
	for _, d := range dates {
		f.clock.Advance(time.Hour)
		pick(PrepareRequest{Renewal: &d}, 4)
	}
	states := testkit.Must(v.RenewalStates(ctx, e.ID))(t)
	if want := append([]string{""}, dates...); !slices.Equal(states, want) {
		t.Fatalf("RenewalStates = %q, want %q", states, want)
	}
	before := testkit.Must(v.Entry(ctx, e.ID))(t)
	for _, state := range states {
		if got, want := pick(PrepareRequest{AsOf: &state}, 4), direct(t, e, state, master, nil, 4); got != want {
			t.Errorf("as of %q: %q, want %q", state, got, want)
		}
	}
	after := testkit.Must(v.Entry(ctx, e.ID))(t)
	if len(after.Renewals) != len(before.Renewals) || *after.LastRenewal != *before.LastRenewal {
		t.Fatalf("an earlier password recorded a renewal: %+v", after)
	}

	never := "2025-12-31"
	_, err := v.Prepare(ctx, PrepareRequest{EntryID: e.ID, MasterKey: master, AsOf: &never})
	wantCode(t, err, Invalid, "never had")
	_, err = v.Prepare(ctx, PrepareRequest{EntryID: e.ID, MasterKey: master, AsOf: &dates[0], Renewal: &dates[1]})
	wantCode(t, err, Invalid, "not both")
}
