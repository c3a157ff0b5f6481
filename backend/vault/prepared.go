package vault

import (
	"context"
	"sync"

	"github.com/forgiva/forgiva-desktop/backend/forgiva"
)

// PrepareRequest asks for the passwords of a stored entry before the animal
// is known. MasterKey and Renewal mean what they mean in GenerateRequest.
type PrepareRequest struct {
	EntryID   int64
	MasterKey []byte
	Renewal   *string // nil = keep
	// AsOf asks for the password the entry had in an earlier state: one of
	// its recorded renewal dates, or "" for "never renewed". Nothing is
	// recorded; Renewal must be nil.
	AsOf *string
}

// Prepared is a generation split in two, for a user interface: Run does the
// expensive work while the user is still picking an animal, Pick hands out
// the chosen password. The costly head of the key chain (complexity 2 and
// 3, scrypt, Argon2d) does not depend on the animal and the 20 links after
// it are cheap, so running all of them costs about as much as running one.
//
// The renewal and "generated before" are recorded by Pick, not Run: a user
// who closes the dialog without picking has generated nothing.
type Prepared struct {
	v       *Vault
	entry   Entry   // snapshot taken by Prepare; Pick refuses if it changed
	renewal *string // recorded by Pick
	past    bool    // an earlier state: Pick records nothing

	mu        sync.Mutex
	input     forgiva.Input // handed to Run, which wipes it
	ran       bool
	passwords []*forgiva.Password // set by a successful Run, indexed by Animal
	finished  bool                // picked or wiped: nothing more to hand out
}

// Prepare validates the request and snapshots the entry and the settings;
// it does no engine work. The caller must Wipe the result.
func (v *Vault) Prepare(ctx context.Context, req PrepareRequest) (*Prepared, error) {
	if req.Renewal != nil {
		if err := checkExact("Renewal date", *req.Renewal); err != nil {
			return nil, err
		}
	}
	gen := GenerateRequest{EntryID: req.EntryID, MasterKey: req.MasterKey, Renewal: req.Renewal}
	if req.AsOf != nil {
		if req.Renewal != nil {
			return nil, invalidf("Ask for an earlier password or for a renewal, not both")
		}
		if err := v.checkPastState(ctx, req.EntryID, *req.AsOf); err != nil {
			return nil, err
		}
		gen.Renewal = req.AsOf
	}
	in, entry, err := v.engineInput(ctx, gen)
	if err != nil {
		return nil, err
	}
	if err := in.Validate(); err != nil {
		in.Wipe()
		return nil, engineError(err)
	}
	var renewal *string
	if req.Renewal != nil {
		date := *req.Renewal
		renewal = &date
	}
	return &Prepared{v: v, entry: entry, renewal: renewal, past: req.AsOf != nil, input: in}, nil
}

// Run generates the passwords of all 20 animals. It can be cancelled
// through ctx and reports progress; it runs at most once, and wipes the
// engine input (the master hash) when it returns.
func (p *Prepared) Run(ctx context.Context, progress forgiva.Progress) error {
	p.mu.Lock()
	if p.ran || p.finished {
		p.mu.Unlock()
		return newError(Invalid, nil, "This password generation has already run")
	}
	p.ran = true
	in := p.input
	p.input = forgiva.Input{}
	p.mu.Unlock()

	passwords, err := forgiva.GenerateAll(ctx, in, progress)
	in.Wipe()
	if err != nil {
		return engineError(err)
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.finished { // wiped while running
		wipeAll(passwords)
		return newError(Canceled, nil, "Password generation was cancelled")
	}
	p.passwords = passwords
	return nil
}

// Pick returns the password of animal, wipes the other 19 and records the
// generation (renewal, "generated before"). It needs a successful Run and
// works once. The caller wipes the password.
func (p *Prepared) Pick(ctx context.Context, animal forgiva.Animal) (*forgiva.Password, error) {
	if animal < 0 || animal >= forgiva.AnimalCount {
		return nil, invalidf("Unknown animal: choose one of the 20 animals")
	}
	p.mu.Lock()
	if p.finished || p.passwords == nil {
		p.mu.Unlock()
		return nil, invalidf("The passwords are not ready: generate them again")
	}
	picked := p.passwords[animal]
	p.passwords[animal] = nil
	wipeAll(p.passwords)
	p.passwords, p.finished = nil, true
	p.mu.Unlock()

	if p.past {
		return picked, nil
	}
	if err := p.v.recordGeneration(ctx, p.entry, p.renewal); err != nil {
		picked.Wipe()
		return nil, err
	}
	return picked, nil
}

// Wipe zeroes whatever the generation still holds. A Run in progress keeps
// its input until it returns, then wipes it and its results.
func (p *Prepared) Wipe() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.ran {
		p.input.Wipe()
	}
	wipeAll(p.passwords)
	p.passwords, p.finished = nil, true
}

func wipeAll(passwords []*forgiva.Password) {
	for _, pw := range passwords {
		if pw != nil {
			pw.Wipe()
		}
	}
}
