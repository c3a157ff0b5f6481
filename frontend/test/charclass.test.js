import { describe, expect, it } from 'vitest';
import { charClass, classRuns } from '../src/lib/charclass.js';

describe('charClass', () => {
  it.each([
    ['0', 'digit'], ['9', 'digit'], ['O', 'upper'], ['I', 'upper'], ['l', 'lower'], ['z', 'lower'],
    ['!', 'symbol'], ['~', 'symbol'], ['é', 'symbol'], [' ', 'space'],
  ])('%s is %s', (ch, cls) => {
    expect(charClass(ch)).toBe(cls);
  });
});

describe('classRuns', () => {
  it('groups consecutive characters of one class', () => {
    expect(classRuns('aB1!!cd0O')).toEqual([
      { cls: 'lower', text: 'a' },
      { cls: 'upper', text: 'B' },
      { cls: 'digit', text: '1' },
      { cls: 'symbol', text: '!!' },
      { cls: 'lower', text: 'cd' },
      { cls: 'digit', text: '0' },
      { cls: 'upper', text: 'O' },
    ]);
  });
  it('covers the whole password', () => {
    const pw = 'Xy7#kQ2@pp';
    expect(classRuns(pw).map((r) => r.text).join('')).toBe(pw);
  });
  it('returns nothing for an empty password', () => {
    expect(classRuns('')).toEqual([]);
  });
});
