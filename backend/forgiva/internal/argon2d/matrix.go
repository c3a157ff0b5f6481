package argon2d

import (
	"encoding/binary"

	"golang.org/x/crypto/blake2b"
)

// blockWords is the number of 64-bit words in a 1024-byte Argon2 block.
const blockWords = 128

type block [blockWords]uint64

// matrix is the memory B[lane][column], stored lane after lane.
type matrix struct {
	blocks     []block
	lanes      uint32
	laneLen    uint32 // q: columns per lane
	segmentLen uint32 // q / SL
}

// newMatrix allocates m' = 4*p*floor(m/(4p)) blocks (RFC 9106 section 3.2,
// step 2).
func newMatrix(memoryKiB, lanes uint32) *matrix {
	segmentLen := memoryKiB / (syncPoints * lanes)
	laneLen := segmentLen * syncPoints
	return &matrix{
		blocks:     make([]block, laneLen*lanes),
		lanes:      lanes,
		laneLen:    laneLen,
		segmentLen: segmentLen,
	}
}

func (m *matrix) at(lane, column uint32) *block {
	return &m.blocks[lane*m.laneLen+column]
}

// wipe zeroes the memory: with Argon2d it holds values derived from the
// password.
func (m *matrix) wipe() {
	clear(m.blocks)
}

// fillFirstBlocks sets B[i][0] and B[i][1] from H0 (RFC 9106 section 3.2,
// steps 3 and 4).
func (m *matrix) fillFirstBlocks(h0 *[blake2b.Size]byte) {
	var buf [1024]byte
	var suffix [8]byte
	for lane := range m.lanes {
		binary.LittleEndian.PutUint32(suffix[4:], lane)
		for column := range uint32(2) {
			binary.LittleEndian.PutUint32(suffix[:4], column)
			hashPrime(buf[:], h0[:], suffix[:])
			loadBlock(m.at(lane, column), &buf)
		}
	}
	clear(buf[:])
}

// fill runs all passes (RFC 9106 section 3.2, steps 5 and 6). Slices are
// the synchronisation points: within a slice no lane reads a block another
// lane is writing, so lanes can be processed in any order.
func (m *matrix) fill(passes uint32, r *runner) error {
	var done int64
	for pass := range passes {
		for slice := range uint32(syncPoints) {
			for lane := range m.lanes {
				if err := m.fillSegment(pass, slice, lane, r, &done); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// fillSegment computes one segment. The first two blocks of each lane were
// set from H0 and are skipped, but still counted as done for progress.
func (m *matrix) fillSegment(pass, slice, lane uint32, r *runner, done *int64) error {
	start := uint32(0)
	if pass == 0 && slice == 0 {
		start = 2
		*done += 2
	}
	for index := start; index < m.segmentLen; index++ {
		if index%checkEvery == 0 {
			if err := r.ctx.Err(); err != nil {
				return err
			}
			r.report(*done)
		}
		column := slice*m.segmentLen + index
		prevColumn := column - 1
		if column == 0 {
			prevColumn = m.laneLen - 1
		}
		prev := m.at(lane, prevColumn)
		refLane, refColumn := m.reference(pass, slice, lane, index, prev[0])
		compress(m.at(lane, column), prev, m.at(refLane, refColumn), pass > 0)
		*done++
	}
	return nil
}

// reference picks the block B[l][z] that the block at (lane, index within
// the segment) is mixed with, from the first word of the previous block
// (RFC 9106 section 3.4: J1 is its low, J2 its high 32 bits).
func (m *matrix) reference(pass, slice, lane, index uint32, pseudoRand uint64) (uint32, uint32) {
	j1, j2 := pseudoRand&0xFFFFFFFF, pseudoRand>>32
	refLane := uint32(j2 % uint64(m.lanes))
	if pass == 0 && slice == 0 {
		refLane = lane // the other lanes have nothing finished yet
	}
	sameLane := refLane == lane

	// The reference area: every block of refLane already finished and not
	// in a segment still being written, plus, in our own lane, the blocks
	// of this segment computed so far, always excluding the previous block.
	var area uint32
	if pass == 0 {
		area = slice * m.segmentLen
	} else {
		area = m.laneLen - m.segmentLen
	}
	if sameLane {
		area += index - 1
	} else if index == 0 {
		area--
	}

	// Map J1 non-uniformly onto the area, favouring recent blocks.
	x := (j1 * j1) >> 32
	y := (uint64(area) * x) >> 32
	rel := uint64(area) - 1 - y

	var areaStart uint64
	if pass > 0 && slice != syncPoints-1 {
		areaStart = uint64((slice + 1) * m.segmentLen)
	}
	return refLane, uint32((areaStart + rel) % uint64(m.laneLen))
}

// finalize XORs the last block of every lane and hashes the result into a
// keyLen-byte tag (RFC 9106 section 3.2, step 7).
func (m *matrix) finalize(keyLen uint32) []byte {
	var c block
	for lane := range m.lanes {
		last := m.at(lane, m.laneLen-1)
		for i := range c {
			c[i] ^= last[i]
		}
	}
	var buf [1024]byte
	storeBlock(&buf, &c)
	out := make([]byte, keyLen)
	hashPrime(out, buf[:])
	clear(buf[:])
	clear(c[:])
	return out
}

func loadBlock(dst *block, src *[1024]byte) {
	for i := range dst {
		dst[i] = binary.LittleEndian.Uint64(src[8*i:])
	}
}

func storeBlock(dst *[1024]byte, src *block) {
	for i, v := range src {
		binary.LittleEndian.PutUint64(dst[8*i:], v)
	}
}
