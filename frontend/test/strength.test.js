import { describe, expect, it } from 'vitest';
import { strengthView, newPasswordProblem, WEAK_MESSAGE } from '../src/lib/strength.js';

describe('strengthView', () => {
  it('shows nothing for an empty password', () => {
    expect(strengthView('', { bits: 99, level: 4, label: 'Very strong', ok: true })).toEqual({ level: 0, label: '', text: '', ok: false });
  });
  it('shows the backend level and label', () => {
    const v = strengthView('x', { bits: 72, level: 4, label: 'Very strong', ok: true, message: '' });
    expect(v).toEqual({ level: 4, label: 'Very strong', text: 'Very strong (about 72 bits)', ok: true });
  });
  it('says only why when the backend could not rate', () => {
    const v = strengthView('x', { bits: 0, level: 0, label: 'Not rated', ok: false, rated: false, message: 'Cannot rate the password' });
    expect(v).toEqual({ level: 0, label: 'Not rated', text: 'Cannot rate the password', ok: false });
  });
  it('carries the backend reason', () => {
    const v = strengthView('abc', { bits: 10, level: 0, label: 'Very weak', ok: false, message: 'Use at least 10 characters' });
    expect(v.ok).toBe(false);
    expect(v.text).toBe('Very weak (about 10 bits) — Use at least 10 characters');
  });
});

describe('newPasswordProblem', () => {
  const strong = { bits: 80, ok: true, message: '' };
  it('asks for a password first', () => {
    expect(newPasswordProblem('', '', strong)).toEqual({ field: 'password', message: 'Choose a password' });
  });
  it('refuses a weak one, pointing at the meter rather than repeating its reason', () => {
    const answer = { bits: 3, ok: false, message: 'Too short' };
    const problem = newPasswordProblem('a', 'a', answer);
    expect(problem).toEqual({ field: 'password', message: WEAK_MESSAGE });
    expect(strengthView('a', { ...answer, level: 0, label: 'Too weak' }).text).toContain('Too short');
    expect(problem.message).not.toContain('Too short');
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
