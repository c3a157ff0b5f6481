import { describe, expect, it } from 'vitest';
import { codeOf, fieldOf, messageOf } from '../src/lib/errors.js';

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

describe('the backend error object', () => {
  const err = { code: 'invalid', message: 'Length must be between 2 and 64 (got 99)', field: 'length' };
  it('gives its message, code and field', () => {
    expect(messageOf(err)).toBe('Length must be between 2 and 64 (got 99)');
    expect(codeOf(err)).toBe('invalid');
    expect(fieldOf(err)).toBe('length');
  });
  it.each([[{ code: 'internal', message: 'internal error' }], ['a bare string'], [new Error('x')], [undefined], [null]])(
    'has no field in %s', (e) => {
      expect(fieldOf(e)).toBe('');
    });
  it('has no code in a bare string', () => {
    expect(codeOf('Wrong vault password')).toBe('');
  });
});
