import { describe, expect, it } from 'vitest';
import { animalMatching } from '../src/lib/typeahead.js';

const names = ['Ape', 'Bear', 'Cat', 'Bee', 'Camel', 'Zebra'];

describe('animalMatching', () => {
  it('moves to the next name with the letter, wrapping', () => {
    expect(animalMatching(names, 'b', 0)).toBe(1);
    expect(animalMatching(names, 'b', 1)).toBe(3);
    expect(animalMatching(names, 'B', 3)).toBe(1);
  });
  it('narrows with more letters, keeping the current name when it still matches', () => {
    expect(animalMatching(names, 'ca', 2)).toBe(2);
    expect(animalMatching(names, 'cam', 2)).toBe(4);
  });
  it('says -1 when nothing matches', () => {
    expect(animalMatching(names, 'x', 0)).toBe(-1);
    expect(animalMatching(names, 'zz', 0)).toBe(-1);
  });
});
