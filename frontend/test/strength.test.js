import { describe, expect, it } from 'vitest';
import { strengthLevel, strengthView, newPasswordProblem } from '../src/lib/strength.js';

describe('strengthLevel', () => {
  it.each([
    [0, 0], [27.9, 0], [28, 1], [49, 1], [50, 2], [69, 2], [70, 3], [89, 3], [90, 4], [200, 4], [NaN, 0], [undefined, 0],
  ])('%s bits -> level %s', (bits, level) => {
    expect(strengthLevel(bits)).toBe(level);
  });
});

describe('strengthView', () => {
  it('shows nothing for an empty password', () => {
    expect(strengthView('', { bits: 99, ok: true })).toEqual({ level: 0, label: '', text: '', ok: false });
  });
  it('labels and rounds the bits', () => {
    const v = strengthView('x', { bits: 72.6, ok: true, message: '' });
    expect(v).toEqual({ level: 3, label: 'Strong', text: 'Strong (about 73 bits)', ok: true });
  });
  it('carries the backend reason', () => {
    const v = strengthView('abc', { bits: 10, ok: false, message: 'Use at least 10 characters' });
    expect(v.ok).toBe(false);
    expect(v.text).toBe('Very weak (about 10 bits) — Use at least 10 characters');
  });
});

describe('newPasswordProblem', () => {
  const strong = { bits: 80, ok: true, message: '' };
  it('asks for a password first', () => {
    expect(newPasswordProblem('', '', strong)).toEqual({ field: 'password', message: 'Choose a password' });
  });
  it('refuses a weak one with the backend message', () => {
    expect(newPasswordProblem('a', 'a', { bits: 3, ok: false, message: 'Too short' })).toEqual({
      field: 'password', message: 'Too short',
    });
  });
  it('catches a mismatch on the confirm field', () => {
    expect(newPasswordProblem('correct horse', 'correct hose', strong)).toEqual({
      field: 'confirm', message: 'The two passwords differ',
    });
  });
  it('accepts a strong matching pair', () => {
    expect(newPasswordProblem('correct horse', 'correct horse', strong)).toBeNull();
  });
});
