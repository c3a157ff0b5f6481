import { describe, expect, it } from 'vitest';
import { randomBelow, shuffle, cryptoUint32 } from '../src/lib/shuffle.js';

// scripted returns a generator that replays the given words, then fails loudly.
const scripted = (words) => {
  let i = 0;
  return () => {
    if (i >= words.length) throw new Error('ran out of scripted randomness');
    return words[i++];
  };
};

describe('randomBelow', () => {
  it('maps an accepted draw with modulo', () => {
    expect(randomBelow(10, scripted([7]))).toBe(7);
    expect(randomBelow(10, scripted([23]))).toBe(3);
  });
  it('rejects draws from the uneven tail of 2^32', () => {
    // 2^32 % 3 == 1, so 2^32 - 1 is the single rejected value for n = 3.
    expect(randomBelow(3, scripted([2 ** 32 - 1, 5]))).toBe(2);
  });
  it('refuses a bound that is not a positive integer', () => {
    expect(() => randomBelow(0)).toThrow(RangeError);
    expect(() => randomBelow(2.5)).toThrow(RangeError);
  });
  it('stays below the bound with real randomness', () => {
    for (let i = 0; i < 1000; i++) {
      const x = randomBelow(20);
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(20);
    }
  });
});

describe('shuffle', () => {
  const animals = Array.from({ length: 20 }, (_, i) => i);

  it('returns a permutation and leaves the input alone', () => {
    const input = animals.slice();
    const out = shuffle(input);
    expect(input).toEqual(animals);
    expect(out).not.toBe(input);
    expect(out.slice().sort((a, b) => a - b)).toEqual(animals);
  });
  it('is Fisher-Yates: a scripted source gives a known order', () => {
    // i=3: j=0 -> [d,b,c,a]; i=2: j=2 -> same; i=1: j=0 -> [b,d,c,a]
    expect(shuffle(['a', 'b', 'c', 'd'], scripted([0, 2, 0]))).toEqual(['b', 'd', 'c', 'a']);
  });
  it('handles empty and single lists without drawing', () => {
    expect(shuffle([], scripted([]))).toEqual([]);
    expect(shuffle(['x'], scripted([]))).toEqual(['x']);
  });
  it('spreads each item over every position', () => {
    const counts = Array.from({ length: 4 }, () => [0, 0, 0, 0]);
    const runs = 8000;
    for (let r = 0; r < runs; r++) {
      shuffle([0, 1, 2, 3]).forEach((item, pos) => counts[item][pos]++);
    }
    // Expected 2000 each; 5 standard deviations is about +/-190.
    for (const row of counts) for (const c of row) expect(Math.abs(c - runs / 4)).toBeLessThan(250);
  });
  it('uses crypto randomness', () => {
    const seen = new Set(Array.from({ length: 8 }, () => cryptoUint32()));
    expect(seen.size).toBeGreaterThan(1);
  });
});
