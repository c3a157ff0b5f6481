package forgiva

import (
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding"
	"encoding/binary"
	"errors"
	"hash"
)

// kdfKeyLen is the output length of every kdf in the spec.
const kdfKeyLen = 32

// kdfHash is the HMAC hash of the spec's kdf(n): n=1 SHA-1, 2 SHA-256,
// 3 SHA-512.
func kdfHash(level int) func() hash.Hash {
	switch level {
	case 1:
		return sha1.New
	case 2:
		return sha256.New
	case 3:
		return sha512.New
	}
	panic("forgiva: kdf level out of range")
}

// kdfUnits is the work of kdf(level) with the given iteration count: one
// unit per HMAC, so PBKDF2-SHA1's two output blocks count twice.
func kdfUnits(level, iterations int) int64 {
	size := kdfHash(level)().Size()
	blocks := (kdfKeyLen + size - 1) / size
	return int64(blocks) * int64(iterations)
}

// pbkdf2Key is PBKDF2 (RFC 8018) with HMAC over newHash. It differs from
// crypto/pbkdf2 in what a 100,000,000-iteration run needs: it looks at the
// context and reports progress every few thousand iterations, allocates
// nothing inside the loop, and wipes its buffers and keyed states.
func pbkdf2Key(m *meter, newHash func() hash.Hash, password, salt []byte, iterations, keyLen int) ([]byte, error) {
	prf, err := newHMAC(newHash, password)
	if err != nil {
		return nil, err
	}
	defer prf.wipe()
	size := prf.size
	blocks := (keyLen + size - 1) / size
	key := make([]byte, 0, blocks*size)
	u := make([]byte, 0, size)
	defer clear(u[:size])
	var counter [4]byte
	for block := 1; block <= blocks; block++ {
		binary.BigEndian.PutUint32(counter[:], uint32(block))
		u = prf.sum(u[:0], salt, counter[:])
		if err := m.advance(1); err != nil {
			return nil, err
		}
		key = append(key, u...)
		t := key[len(key)-size:]
		if err := prf.iterate(m, t, u, iterations-1); err != nil {
			clear(key[:cap(key)])
			return nil, err
		}
	}
	clear(key[keyLen:cap(key)])
	return key[:keyLen], nil
}

// hmacPRF is HMAC with the key's inner and outer hash states computed once
// and restored for each message (RFC 2104 section 4), which halves the
// compression calls of a short message.
//
// For PBKDF2's iterations, whose message is always one digest, it also
// skips the hash's Sum: the message and its fixed padding fill exactly one
// block, so writing them runs the last compression, and the digest is read
// from the saved state (encoding.BinaryAppender). That saves a third of an
// HMAC-SHA1. newHMAC checks this shortcut against Sum once and falls back
// to Sum if the hash's saved state ever reads differently.
type hmacPRF struct {
	size                   int
	inner, outer           hash.Hash
	innerReset, outerReset encoding.BinaryUnmarshaler
	innerState, outerState []byte
	innerDigest            []byte

	shortcut             bool
	innerSave, outerSave encoding.BinaryAppender
	paddedBlock          []byte // digest || padding, one block
	saved                []byte // a state read back

	// words runs the iterations on words, with no hash object, when the
	// hash is SHA-256 or SHA-512 (wordloop.go); nil otherwise.
	words wordLoop
}

// savedDigestOffset is where the chaining value starts in the saved state
// of the standard library's SHA-1, SHA-256 and SHA-512: after a 4-byte
// magic.
const savedDigestOffset = 4

var errNotMarshalable = errors.New("pbkdf2: hash state cannot be saved")

func newHMAC(newHash func() hash.Hash, key []byte) (*hmacPRF, error) {
	p := &hmacPRF{inner: newHash(), outer: newHash()}
	p.size = p.inner.Size()
	pad := make([]byte, p.inner.BlockSize())
	defer clear(pad)
	if len(key) > len(pad) {
		p.outer.Write(key)
		sum := p.outer.Sum(nil)
		copy(pad, sum)
		clear(sum)
		p.outer.Reset()
	} else {
		copy(pad, key)
	}
	for i := range pad {
		pad[i] ^= 0x36
	}
	p.words = newWordLoop(p.inner, pad)
	p.inner.Write(pad)
	for i := range pad {
		pad[i] ^= 0x36 ^ 0x5c
	}
	p.outer.Write(pad)
	var err error
	if p.innerState, err = saveState(p.inner); err != nil {
		return nil, err
	}
	if p.outerState, err = saveState(p.outer); err != nil {
		return nil, err
	}
	p.innerReset = p.inner.(encoding.BinaryUnmarshaler)
	p.outerReset = p.outer.(encoding.BinaryUnmarshaler)
	p.innerDigest = make([]byte, 0, p.size)
	p.shortcut = p.setUpShortcut()
	return p, nil
}

func saveState(h hash.Hash) ([]byte, error) {
	m, ok := h.(encoding.BinaryMarshaler)
	if _, canRestore := h.(encoding.BinaryUnmarshaler); !ok || !canRestore {
		return nil, errNotMarshalable
	}
	return m.MarshalBinary()
}

// setUpShortcut prepares the one-block padding of a digest-long message
// (0x80, zeros, the bit length of key block plus message) and reports
// whether the shortcut gives what Sum gives.
func (p *hmacPRF) setUpShortcut() bool {
	blockSize := p.inner.BlockSize()
	innerSave, ok1 := p.inner.(encoding.BinaryAppender)
	outerSave, ok2 := p.outer.(encoding.BinaryAppender)
	if !ok1 || !ok2 || blockSize-p.size < 1+16 {
		return false
	}
	p.innerSave, p.outerSave = innerSave, outerSave
	p.paddedBlock = make([]byte, blockSize)
	p.paddedBlock[p.size] = 0x80
	binary.BigEndian.PutUint64(p.paddedBlock[blockSize-8:], uint64(blockSize+p.size)*8)
	p.saved = make([]byte, 0, 2*blockSize+64)

	probe := make([]byte, p.size)
	for i := range probe {
		probe[i] = byte(i)
	}
	want := p.sum(nil, probe)
	p.shortcut = true
	p.next(probe)
	p.shortcut = false
	return string(probe) == string(want)
}

// sum appends HMAC(key, parts...) to dst.
func (p *hmacPRF) sum(dst []byte, parts ...[]byte) []byte {
	p.restore(p.innerReset, p.innerState)
	for _, part := range parts {
		p.inner.Write(part)
	}
	p.innerDigest = p.inner.Sum(p.innerDigest[:0])
	p.restore(p.outerReset, p.outerState)
	p.outer.Write(p.innerDigest)
	return p.outer.Sum(dst)
}

// next replaces u, one digest long, by HMAC(key, u).
func (p *hmacPRF) next(u []byte) {
	if !p.shortcut {
		p.restore(p.innerReset, p.innerState)
		p.inner.Write(u)
		p.innerDigest = p.inner.Sum(p.innerDigest[:0])
		p.restore(p.outerReset, p.outerState)
		p.outer.Write(p.innerDigest)
		p.outer.Sum(u[:0])
		return
	}
	p.compressPadded(p.inner, p.innerReset, p.innerSave, p.innerState, u)
	p.compressPadded(p.outer, p.outerReset, p.outerSave, p.outerState, u)
}

// compressPadded replaces msg, one digest long, by the hash of state's
// data followed by msg.
func (p *hmacPRF) compressPadded(h hash.Hash, reset encoding.BinaryUnmarshaler, save encoding.BinaryAppender, state, msg []byte) {
	p.restore(reset, state)
	copy(p.paddedBlock, msg)
	h.Write(p.paddedBlock)
	var err error
	if p.saved, err = save.AppendBinary(p.saved[:0]); err != nil {
		panic("forgiva: saving an HMAC state: " + err.Error())
	}
	copy(msg, p.saved[savedDigestOffset:savedDigestOffset+p.size])
}

// iterate runs PBKDF2's inner loop n times: u = HMAC(u), t ^= u, looking
// at the context only every checkEvery iterations.
func (p *hmacPRF) iterate(m *meter, t, u []byte, n int) error {
	if p.words != nil {
		return p.words.iterate(m, t, u, n)
	}
	for n > 0 {
		chunk := min(n, checkEvery)
		for range chunk {
			p.next(u)
			for i := range t {
				t[i] ^= u[i]
			}
		}
		n -= chunk
		if err := m.advance(int64(chunk)); err != nil {
			return err
		}
	}
	return nil
}

func (p *hmacPRF) restore(h encoding.BinaryUnmarshaler, state []byte) {
	if err := h.UnmarshalBinary(state); err != nil {
		// The state came from the same hash a moment ago.
		panic("forgiva: restoring an HMAC state: " + err.Error())
	}
}

// wipe clears the keyed states and the last digests this HMAC held.
func (p *hmacPRF) wipe() {
	clear(p.innerState)
	clear(p.outerState)
	clear(p.innerDigest[:cap(p.innerDigest)])
	clear(p.paddedBlock)
	clear(p.saved[:cap(p.saved)])
	p.inner.Reset()
	p.outer.Reset()
	if p.words != nil {
		p.words.wipe()
	}
}
