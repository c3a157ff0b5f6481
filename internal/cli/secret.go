package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
)

// maxSecretInput bounds what is read from stdin for secrets, so a wrong pipe
// (a file instead of a key) fails instead of filling memory.
const maxSecretInput = 64 << 10

// wipe zeroes a buffer that held a secret.
func wipe(b []byte) {
	for i := range b {
		b[i] = 0
	}
}

func wipeAll(bufs [][]byte) {
	for _, b := range bufs {
		wipe(b)
	}
}

// readLines reads up to n lines from r and returns them without their line
// ending ("\n", or "\r\n" from Windows tools). It stops reading at the n-th
// newline, so a pipe that stays open does not block it; a last line without
// a newline counts. The returned lines are the only copies left (the caller
// wipes them).
func readLines(r io.Reader, n int) ([][]byte, error) {
	buf, err := readWiping(r, maxSecretInput, func(b []byte) bool {
		return bytes.Count(b, []byte{'\n'}) >= n
	})
	defer wipe(buf)
	if err != nil {
		return nil, err
	}
	return splitLines(buf, n), nil
}

// readWiping reads r until EOF or until enough says so, and fails past limit
// bytes. Unlike io.ReadAll it wipes every intermediate buffer, so the result
// is the only copy of what was read.
func readWiping(r io.Reader, limit int, enough func([]byte) bool) ([]byte, error) {
	var buf []byte
	chunk := make([]byte, 512)
	defer wipe(chunk)
	for !enough(buf) {
		k, err := r.Read(chunk)
		buf = appendWiping(buf, chunk[:k])
		if len(buf) > limit {
			wipe(buf)
			return nil, userErrorf("standard input is too long (more than %d bytes)", limit)
		}
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			wipe(buf)
			return nil, fmt.Errorf("read standard input: %w", err)
		}
	}
	return buf, nil
}

// appendWiping appends like append, but wipes the old array when it has to
// move to a larger one.
func appendWiping(buf, more []byte) []byte {
	if len(buf)+len(more) <= cap(buf) {
		return append(buf, more...)
	}
	grown := make([]byte, len(buf), 2*(len(buf)+len(more)))
	copy(grown, buf)
	wipe(buf)
	return append(grown, more...)
}

// splitLines copies out the first n lines of buf.
func splitLines(buf []byte, n int) [][]byte {
	var lines [][]byte
	for len(lines) < n && len(buf) > 0 {
		line := buf
		i := bytes.IndexByte(buf, '\n')
		if i >= 0 {
			line, buf = buf[:i], buf[i+1:]
			line = bytes.TrimSuffix(line, []byte{'\r'})
		} else {
			buf = nil
		}
		lines = append(lines, bytes.Clone(line))
	}
	return lines
}

// readSecret returns one secret: from a prompt without echo when stdin is a
// terminal, else the first line of stdin. It returns nil when stdin holds
// nothing (no line, or an empty one); callers decide whether that is allowed.
func (inv *invocation) readSecret(ctx context.Context, prompt string) ([]byte, error) {
	if inv.env.StdinTerminal {
		secret, err := inv.env.ReadSecret(ctx, prompt)
		if err != nil || len(secret) == 0 {
			return nil, err
		}
		return secret, nil
	}
	return inv.stdinLine()
}

// stdinLine is the first line of stdin, nil when stdin holds no line or an
// empty one.
func (inv *invocation) stdinLine() ([]byte, error) {
	lines, err := readLines(inv.env.Stdin, 1)
	if err != nil || len(lines) == 0 || len(lines[0]) == 0 {
		return nil, err
	}
	return lines[0], nil
}

// readMasterKey reads the master key as readSecret does and refuses an empty
// one: an empty pipe would otherwise give a valid-looking password that the
// user cannot get again with their real key.
func (inv *invocation) readMasterKey(ctx context.Context) ([]byte, error) {
	key, err := inv.readSecret(ctx, "Master key: ")
	if err != nil {
		return nil, err
	}
	if key == nil {
		return nil, errNoMasterKey
	}
	return key, nil
}

var errNoMasterKey = userErrorf("no master key: type it at the prompt, or give it as the first line of standard input")
