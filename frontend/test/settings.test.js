import { describe, expect, it } from 'vitest';
import { settingValue, settingProblem } from '../src/lib/settings.js';

// Definitions in the shape App.SettingsForm sends (the vault's schema).
const defs = {
  masterkey_ask_once: { key: 'masterkey_ask_once', kind: 'bool' },
  password_default_length: { key: 'password_default_length', kind: 'int', min: 2, max: 64 },
  auto_lock_minutes: { key: 'auto_lock_minutes', kind: 'int', min: 0, max: 1440 },
  compat_mode: { key: 'compat_mode', kind: 'choice', choices: [{ value: 'forgiva', label: 'Forgiva' }] },
  enterprise_salt: { key: 'enterprise_salt', kind: 'hex', min: 1, max: 1024 },
};
const def = (key) => defs[key];

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
