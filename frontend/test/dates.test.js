import { describe, expect, it } from 'vitest';
import { todayISO, isISODate, renewalLabel } from '../src/lib/dates.js';

describe('todayISO', () => {
  it('uses the local calendar date, zero padded', () => {
    expect(todayISO(new Date(2024, 0, 5, 23, 59))).toBe('2024-01-05');
    expect(todayISO(new Date(1999, 11, 31, 0, 0))).toBe('1999-12-31');
  });
  it('defaults to now', () => {
    expect(isISODate(todayISO())).toBe(true);
  });
});

describe('isISODate', () => {
  it.each([
    ['2024-02-29', true], ['2023-02-29', false], ['2024-13-01', false], ['2024-1-01', false], ['', false],
    [undefined, false], ['2024-04-31', false], ['2024-04-30', true],
  ])('%s -> %s', (text, ok) => {
    expect(isISODate(text)).toBe(ok);
  });
});

describe('renewalLabel', () => {
  it('shows never, a date, or the date of a timestamp', () => {
    expect(renewalLabel(null)).toBe('never');
    expect(renewalLabel('2024-05-01')).toBe('2024-05-01');
    expect(renewalLabel('2024-05-01T10:00:00Z')).toBe('2024-05-01');
  });
});
