import { describe, expect, it } from 'vitest';
import { messageOf, fieldForError } from '../src/lib/errors.js';
import { ENTRY_ERROR_FIELDS } from '../src/lib/entry.js';

describe('messageOf', () => {
  it('passes a Wails rejection string through', () => {
    expect(messageOf('Host is required')).toBe('Host is required');
  });
  it('takes an Error message and drops the type prefix and stack', () => {
    const err = new Error('Wrong password');
    expect(messageOf(err)).toBe('Wrong password');
    expect(messageOf('TypeError: x is undefined\n    at foo (app.js:1)')).toBe('x is undefined');
  });
  it('never returns an empty message', () => {
    expect(messageOf(undefined)).toBe('Something went wrong');
    expect(messageOf({})).toBe('Something went wrong');
    expect(messageOf('   ')).toBe('Something went wrong');
  });
});

describe('fieldForError', () => {
  it.each([
    ['Host is required', 'host'],
    ['Account is too long (at most 256 bytes)', 'account'],
    ['Length must be from 2 to 64', 'length'],
    ["An entry for host 'a' and account 'b' already exists", 'host'],
    ['Pick at least one character class', 'classes'],
    ['Group 7 does not exist', 'group'],
    ['Something else broke', null],
  ])('%s -> %s', (message, field) => {
    expect(fieldForError(message, ENTRY_ERROR_FIELDS)).toBe(field);
  });
  it('matches whole words only', () => {
    expect(fieldForError('the hostname', { host: ['host'] })).toBeNull();
  });
});
