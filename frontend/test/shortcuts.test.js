import { describe, expect, it } from 'vitest';
import { comboOf, commandFor } from '../src/lib/shortcuts.js';

const key = (k, mods = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });

describe('comboOf', () => {
  it('names modifier combinations', () => {
    expect(comboOf(key('l', { ctrlKey: true }))).toBe('Mod+L');
    expect(comboOf(key('l', { metaKey: true }))).toBe('Mod+L');
    expect(comboOf(key('F', { ctrlKey: true, shiftKey: true }))).toBe('Mod+F');
    expect(comboOf(key('Tab', { shiftKey: true }))).toBe('Shift+Tab');
    expect(comboOf(key('k', { ctrlKey: true, altKey: true }))).toBe('Mod+Alt+K');
    expect(comboOf(key('Escape'))).toBe('Escape');
  });
});

describe('commandFor', () => {
  it.each([
    [key('l', { ctrlKey: true }), 'lock'],
    [key('L', { metaKey: true }), 'lock'],
    [key('f', { ctrlKey: true }), 'search'],
    [key('k', { ctrlKey: true }), 'quick'],
    [key('n', { ctrlKey: true }), 'add-entry'],
    [key(',', { ctrlKey: true }), 'settings'],
  ])('maps %j to %s', (event, command) => {
    expect(commandFor(event)).toBe(command);
  });
  it('ignores plain typing and unknown combos', () => {
    expect(commandFor(key('l'))).toBeNull();
    expect(commandFor(key('k', { ctrlKey: true, altKey: true }))).toBeNull();
    expect(commandFor(key('q', { ctrlKey: true }))).toBeNull();
  });
  it('ignores keys while an input method composes', () => {
    expect(commandFor({ ...key('l', { ctrlKey: true }), isComposing: true })).toBeNull();
  });
});
