// Unbiased shuffling for the animal grid. The order must not be predictable:
// someone watching the screen should learn nothing from where the user clicks.

const UINT32_RANGE = 2 ** 32;

/** cryptoUint32 returns one uniformly random 32-bit unsigned integer. */
export function cryptoUint32() {
  const word = new Uint32Array(1);
  crypto.getRandomValues(word);
  return word[0];
}

/**
 * randomBelow returns a uniform integer in [0, n). A plain `x % n` favours
 * small results when 2^32 is not a multiple of n, so draws from the uneven
 * tail are rejected and redrawn.
 */
export function randomBelow(n, nextUint32 = cryptoUint32) {
  if (!Number.isInteger(n) || n <= 0 || n > UINT32_RANGE) {
    throw new RangeError(`randomBelow: bad bound ${n}`);
  }
  const limit = UINT32_RANGE - (UINT32_RANGE % n);
  for (;;) {
    const x = nextUint32();
    if (x < limit) return x % n;
  }
}

/** shuffle returns a shuffled copy of items (Fisher–Yates); items is left as is. */
export function shuffle(items, nextUint32 = cryptoUint32) {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomBelow(i + 1, nextUint32);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
