// Package autotype types text into the focused window of an X11 desktop as
// if a person typed it (the XTEST extension), and finds and refocuses that
// window, for the "generate and type it for me" feature.
//
// The sequence and keysym helpers work on every OS; typing and windows need
// an X server and exist on Linux only.
package autotype

import (
	"errors"
	"fmt"
	"strings"
)

// StepKind says what one step of a Sequence types.
type StepKind int

const (
	StepText     StepKind = iota // Step.Text as written
	StepUsername                 // the username the caller supplies
	StepPassword                 // the password the caller supplies
	StepTab                      // the Tab key
	StepEnter                    // the Return key
)

// Step is one part of a Sequence.
type Step struct {
	Kind StepKind
	Text string // for StepText only
}

// Sequence is what auto-type types: literal text and placeholders, in order.
type Sequence []Step

// DefaultSequence fills a usual login form and submits it.
const DefaultSequence = "{USERNAME}{TAB}{PASSWORD}{ENTER}"

// ErrSequence is wrapped by every error ParseSequence returns.
var ErrSequence = errors.New("invalid auto-type sequence")

var placeholders = map[string]StepKind{
	"USERNAME": StepUsername,
	"PASSWORD": StepPassword,
	"TAB":      StepTab,
	"ENTER":    StepEnter,
}

// ParseSequence reads a sequence such as "{USERNAME}{TAB}{PASSWORD}{ENTER}".
// Placeholders are {USERNAME}, {PASSWORD}, {TAB} and {ENTER}, in any case;
// "{{" and "}}" stand for literal braces. Adjacent literal text is one step.
func ParseSequence(text string) (Sequence, error) {
	var seq Sequence
	var lit strings.Builder
	flush := func() {
		if lit.Len() > 0 {
			seq = append(seq, Step{Kind: StepText, Text: lit.String()})
			lit.Reset()
		}
	}
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c == '{' && strings.HasPrefix(text[i:], "{{"):
			lit.WriteByte('{')
			i += 2
		case c == '}' && strings.HasPrefix(text[i:], "}}"):
			lit.WriteByte('}')
			i += 2
		case c == '}':
			return nil, fmt.Errorf("%w: a lone '}' at byte %d (write }} for a literal brace)", ErrSequence, i)
		case c == '{':
			end := strings.IndexByte(text[i+1:], '}')
			if end < 0 {
				return nil, fmt.Errorf("%w: '{' at byte %d is never closed (write {{ for a literal brace)", ErrSequence, i)
			}
			name := text[i+1 : i+1+end]
			kind, ok := placeholders[strings.ToUpper(strings.TrimSpace(name))]
			if !ok {
				return nil, fmt.Errorf("%w: unknown placeholder {%s} (known: {USERNAME}, {PASSWORD}, {TAB}, {ENTER})", ErrSequence, name)
			}
			flush()
			seq = append(seq, Step{Kind: kind})
			i += end + 2
		default:
			lit.WriteByte(c)
			i++
		}
	}
	flush()
	return seq, nil
}

// String writes seq back in the form ParseSequence reads.
func (seq Sequence) String() string {
	var b strings.Builder
	for _, s := range seq {
		switch s.Kind {
		case StepText:
			b.WriteString(strings.NewReplacer("{", "{{", "}", "}}").Replace(s.Text))
		case StepUsername:
			b.WriteString("{USERNAME}")
		case StepPassword:
			b.WriteString("{PASSWORD}")
		case StepTab:
			b.WriteString("{TAB}")
		case StepEnter:
			b.WriteString("{ENTER}")
		}
	}
	return b.String()
}
