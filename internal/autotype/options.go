package autotype

import (
	"errors"
	"fmt"
	"time"
)

// Window is a top-level window of the desktop.
type Window struct {
	ID    uint32 // the X window id
	Title string // as the window names itself, UTF-8
}

// ErrNoFocus means no window has the keyboard focus (focus on the root or
// none), so there is nothing to type into.
var ErrNoFocus = errors.New("autotype: no window has the keyboard focus")

// Defaults for the zero Options.
const (
	// DefaultKeyDelay keeps a slow application from dropping keys while 64
	// characters still take about a tenth of a second.
	DefaultKeyDelay = 1500 * time.Microsecond
	// DefaultReleaseWait is how long typing waits for the person to let go
	// of the shortcut's keys before releasing them itself.
	DefaultReleaseWait = 2 * time.Second
	// DefaultSettleDelay is how long a keycode mapped to a character the
	// layout lacks keeps it after the last key press: an application looks
	// the mapping up when it handles the press, which on a busy machine can
	// be a good while after it was sent. It delays only texts that need
	// such characters.
	DefaultSettleDelay = 200 * time.Millisecond
)

// Options tune typing. The zero value means the defaults; a negative
// duration means none.
type Options struct {
	KeyDelay    time.Duration // pause after each character
	ReleaseWait time.Duration // wait for held keys to be released
	SettleDelay time.Duration // see DefaultSettleDelay
}

func (o Options) withDefaults() Options {
	pick := func(d, def time.Duration) time.Duration {
		switch {
		case d == 0:
			return def
		case d < 0:
			return 0
		}
		return d
	}
	return Options{
		KeyDelay:    pick(o.KeyDelay, DefaultKeyDelay),
		ReleaseWait: pick(o.ReleaseWait, DefaultReleaseWait),
		SettleDelay: pick(o.SettleDelay, DefaultSettleDelay),
	}
}

// capacity is an upper bound of the keysyms seq types with these inputs,
// so the buffer holding them never grows: growing would leave copies of the
// password in memory that no one wipes.
func (seq Sequence) capacity(username, password []byte) int {
	n := 0
	for _, s := range seq {
		switch s.Kind {
		case StepText:
			n += len(s.Text)
		case StepUsername:
			n += len(username)
		case StepPassword:
			n += len(password)
		default:
			n++
		}
	}
	return n
}

// keysyms returns the keysyms seq types, in a buffer the caller wipes.
func (seq Sequence) keysyms(username, password []byte) ([]uint32, error) {
	ks := make([]uint32, 0, seq.capacity(username, password))
	var err error
	for _, s := range seq {
		switch s.Kind {
		case StepText:
			if ks, err = appendKeysyms(ks, []byte(s.Text)); err != nil {
				err = fmt.Errorf("autotype: the sequence's text: %w", err)
			}
		case StepUsername:
			if ks, err = appendKeysyms(ks, username); err != nil {
				err = fmt.Errorf("autotype: the username: %w", err)
			}
		case StepPassword:
			if ks, err = appendKeysyms(ks, password); err != nil {
				err = fmt.Errorf("autotype: the password: %w", err)
			}
		case StepTab:
			ks = append(ks, KeysymTab)
		case StepEnter:
			ks = append(ks, KeysymReturn)
		}
		if err != nil {
			clear(ks[:cap(ks)])
			return nil, err
		}
	}
	return ks, nil
}
