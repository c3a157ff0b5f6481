// Package helper runs the password estimator in a separate process, so that
// a program that runs all day does not keep zxcvbn's lists in memory (about
// 12 MB; package strength). The desktop app is the client and its
// command-line twin the server (`forgiva strength-helper`). This package
// does not link zxcvbn: the server is handed the estimate function.
//
// The protocol, on the helper's standard input and output. A request is a
// uvarint count of words, each word as a uvarint length and its bytes, then
// the password as a uvarint length and its bytes. The answer is one line:
// the bits as a decimal number, a space, the name of the weakest pattern
// (letters only, possibly none) and a newline. The helper answers requests
// in order until its input ends. The password never appears on a command
// line, in the environment or in a file.
package helper

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// Bounds of a request, checked by both sides: a vault's hosts (at most 1 KiB
// each) plus the app's own words, and any password a person types or pastes.
const (
	maxWords         = 1 << 20
	maxWordBytes     = 4 << 10
	maxPasswordBytes = 64 << 10
)

// ErrTooLong: the password is longer than the helper rates.
var ErrTooLong = fmt.Errorf("the password is longer than %d KiB", maxPasswordBytes>>10)

// appendRequest appends the request for password and words to buf.
func appendRequest(buf, password []byte, words []string) ([]byte, error) {
	if len(password) > maxPasswordBytes {
		return buf, ErrTooLong
	}
	if len(words) > maxWords {
		return buf, fmt.Errorf("%d dictionary words, more than the %d a request holds", len(words), maxWords)
	}
	buf = binary.AppendUvarint(buf, uint64(len(words)))
	for _, w := range words {
		if len(w) > maxWordBytes {
			w = w[:maxWordBytes] // a longer word is no likelier a password's part
		}
		buf = binary.AppendUvarint(buf, uint64(len(w)))
		buf = append(buf, w...)
	}
	buf = binary.AppendUvarint(buf, uint64(len(password)))
	return append(buf, password...), nil
}

// readRequest reads one request from r, which it reads exactly as far as
// the request goes (no buffer of its own holds the password). At the end
// of the input before a request it returns io.EOF.
func readRequest(r io.Reader) (password []byte, words []string, err error) {
	br := byteReader{r: r}
	n, err := binary.ReadUvarint(&br)
	if err != nil {
		if errors.Is(err, io.EOF) && br.read == 0 {
			return nil, nil, io.EOF
		}
		return nil, nil, fmt.Errorf("read the word count: %w", unexpected(err))
	}
	if n > maxWords {
		return nil, nil, fmt.Errorf("%d dictionary words, more than %d", n, maxWords)
	}
	words = make([]string, 0, min(n, 1024))
	for range n {
		w, err := readField(&br, maxWordBytes)
		if err != nil {
			return nil, nil, fmt.Errorf("read a dictionary word: %w", err)
		}
		words = append(words, string(w))
	}
	password, err = readField(&br, maxPasswordBytes)
	if err != nil {
		return nil, nil, fmt.Errorf("read the password: %w", err)
	}
	return password, words, nil
}

func readField(br *byteReader, limit uint64) ([]byte, error) {
	n, err := binary.ReadUvarint(br)
	if err != nil {
		return nil, unexpected(err)
	}
	if n > limit {
		return nil, fmt.Errorf("%d bytes, more than %d", n, limit)
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(br.r, b); err != nil {
		clear(b)
		return nil, unexpected(err)
	}
	return b, nil
}

// unexpected turns an end of input inside a request into an error.
func unexpected(err error) error {
	if errors.Is(err, io.EOF) {
		return io.ErrUnexpectedEOF
	}
	return err
}

// byteReader reads one byte at a time from r, for the uvarints, so that
// nothing past the request is read ahead into a buffer.
type byteReader struct {
	r    io.Reader
	b    [1]byte
	read int
}

func (br *byteReader) ReadByte() (byte, error) {
	if _, err := io.ReadFull(br.r, br.b[:]); err != nil {
		return 0, err
	}
	br.read++
	return br.b[0], nil
}

// formatAnswer is the answer line for an estimate.
func formatAnswer(bits float64, weakest string) string {
	return strconv.FormatFloat(bits, 'f', -1, 64) + " " + weakest + "\n"
}

// parseAnswer reads an answer line, refusing anything the protocol does not
// allow.
func parseAnswer(line string) (bits float64, weakest string, err error) {
	num, weakest, ok := strings.Cut(strings.TrimSuffix(line, "\n"), " ")
	if !ok || !strings.HasSuffix(line, "\n") {
		return 0, "", fmt.Errorf("malformed answer %q", line)
	}
	bits, err = strconv.ParseFloat(num, 64)
	if err != nil || bits < 0 || math.IsInf(bits, 0) || math.IsNaN(bits) {
		return 0, "", fmt.Errorf("malformed answer %q", line)
	}
	for _, r := range weakest {
		if r < 'a' || r > 'z' {
			return 0, "", fmt.Errorf("malformed answer %q", line)
		}
	}
	return bits, weakest, nil
}

// Serve answers the requests read from r on w with estimate, until r ends.
// Each password is wiped once rated.
func Serve(r io.Reader, w io.Writer, estimate func(password []byte, words []string) (bits float64, weakest string)) error {
	for {
		password, words, err := readRequest(r)
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		bits, weakest := estimate(password, words)
		clear(password)
		if _, err := io.WriteString(w, formatAnswer(bits, weakest)); err != nil {
			return fmt.Errorf("answer: %w", err)
		}
	}
}
