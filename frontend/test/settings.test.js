import { describe, expect, it } from 'vitest';
import { SETTINGS, settingValue, settingProblem } from '../src/lib/settings.js';

const def = (key) => SETTINGS.find((d) => d.key === key);

describe('SETTINGS', () => {
  it('covers every backend setting once, each explained', () => {
    expect(SETTINGS.map((d) => d.key)).toEqual([
      'animals_do_not_scramble', 'masterkey_use_ignored', 'masterkey_ask_once', 'password_always_show_not_copy',
      'password_default_length', 'password_default_complexity', 'clipboard_clear_seconds', 'auto_lock_minutes',
      'session_remember_hours', 'compat_mode', 'enterprise_salt', 'signature',
    ]);
    for (const d of SETTINGS) expect(d.help.length).toBeGreaterThan(10);
  });
  it('maps snake_case keys to the camelCase Settings fields', () => {
    const camel = (k) => k.replace(/_([a-z])/g, (_, c) => c.toUpperCase());
    for (const d of SETTINGS.filter((x) => x.type !== 'secret')) expect(d.prop).toBe(camel(d.key));
    expect(def('signature').prop).toBe('hasSignature');
  });
});

describe('settingValue', () => {
  it('writes booleans as true/false', () => {
    expect(settingValue(def('masterkey_ask_once'), { checked: true })).toBe('true');
    expect(settingValue(def('masterkey_ask_once'), { checked: false })).toBe('false');
  });
  it('trims numbers and lowercases hex', () => {
    expect(settingValue(def('auto_lock_minutes'), { value: ' 15 ' })).toBe('15');
    expect(settingValue(def('enterprise_salt'), { value: 'AB01 ' })).toBe('ab01');
  });
});

describe('settingProblem', () => {
  it('checks number ranges', () => {
    expect(settingProblem(def('password_default_length'), '1')).toBe('Enter a number from 2 to 64');
    expect(settingProblem(def('password_default_length'), '64')).toBeNull();
    expect(settingProblem(def('auto_lock_minutes'), '-1')).toBe('Enter a whole number');
    expect(settingProblem(def('auto_lock_minutes'), '1.5')).toBe('Enter a whole number');
  });
  it('checks hex salts', () => {
    expect(settingProblem(def('enterprise_salt'), 'abc')).toMatch(/hexadecimal/);
    expect(settingProblem(def('enterprise_salt'), 'zz')).toMatch(/hexadecimal/);
    expect(settingProblem(def('enterprise_salt'), '00ff')).toBeNull();
  });
  it('leaves other kinds to the backend', () => {
    expect(settingProblem(def('compat_mode'), 'enterprise')).toBeNull();
  });
});
