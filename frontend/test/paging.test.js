import { describe, expect, it } from 'vitest';
import { pageView, nextStart, prevStart, clampStart, PAGE_SIZE } from '../src/lib/paging.js';

describe('pageView', () => {
  it('describes the first page', () => {
    expect(pageView(0, 340)).toEqual({ from: 1, to: 100, text: '1–100 of 340', hasPrev: false, hasNext: true });
  });
  it('describes a short last page', () => {
    expect(pageView(300, 340)).toEqual({ from: 301, to: 340, text: '301–340 of 340', hasPrev: true, hasNext: false });
  });
  it('describes an exact fit', () => {
    expect(pageView(0, 100).hasNext).toBe(false);
    expect(pageView(0, 101).hasNext).toBe(true);
  });
  it('says when there is nothing', () => {
    expect(pageView(0, 0)).toMatchObject({ text: 'No entries', hasPrev: false, hasNext: false });
  });
});

describe('moving between pages', () => {
  it('moves forward only while entries remain', () => {
    expect(nextStart(0, 340)).toBe(100);
    expect(nextStart(300, 340)).toBe(300);
    expect(nextStart(0, 100)).toBe(0);
  });
  it('moves back and stops at zero', () => {
    expect(prevStart(200)).toBe(100);
    expect(prevStart(50)).toBe(0);
    expect(prevStart(0)).toBe(0);
  });
  it('uses a page size of 100', () => {
    expect(PAGE_SIZE).toBe(100);
  });
});

describe('clampStart', () => {
  it.each([
    [0, 0, 0], [100, 340, 100], [300, 300, 200], [300, 250, 200], [250, 340, 200], [100, 100, 0], [500, 0, 0],
  ])('start %s of %s -> %s', (start, total, want) => {
    expect(clampStart(start, total)).toBe(want);
  });
});
