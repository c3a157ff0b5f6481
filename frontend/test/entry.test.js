import { describe, expect, it } from 'vitest';
import { changedPasswordFields, defaultEntryInput, entryInputProblem, hostOfURL } from '../src/lib/entry.js';
import { needsConfirm, masterKeyProblem } from '../src/lib/masterkey.js';

const base = {
  groupId: 1, host: 'example.com', account: 'me', complexity: 1, length: 16,
  lowercase: true, uppercase: true, numbers: true, symbols: false,
};

describe('changedPasswordFields', () => {
  it('is empty when nothing that feeds the password changed', () => {
    expect(changedPasswordFields(base, { ...base, groupId: 2 })).toEqual([]);
    expect(changedPasswordFields(base, { ...base, length: '16', complexity: '1' })).toEqual([]);
  });
  it('names every changed field', () => {
    expect(changedPasswordFields(base, { ...base, host: 'example.org', length: 20, symbols: true })).toEqual([
      'host', 'length', 'symbols',
    ]);
  });
  it('is empty for a new entry', () => {
    expect(changedPasswordFields(null, base)).toEqual([]);
  });
});

describe('defaultEntryInput', () => {
  it('takes length and complexity from settings', () => {
    expect(defaultEntryInput(7, { passwordDefaultLength: 24, passwordDefaultComplexity: 2 })).toEqual({
      groupId: 7, host: '', account: '', complexity: 2, length: 24,
      lowercase: true, uppercase: true, numbers: true, symbols: true, typeSequence: '', typeConfirm: false,
    });
  });
});

describe('entryInputProblem', () => {
  it('needs at least one class', () => {
    const none = { ...base, lowercase: false, uppercase: false, numbers: false, symbols: false };
    expect(entryInputProblem(none)).toEqual({ field: 'classes', message: 'Pick at least one kind of character' });
  });
  it('needs a whole length', () => {
    expect(entryInputProblem({ ...base, length: NaN }).field).toBe('length');
  });
  it('accepts a good input', () => {
    expect(entryInputProblem(base)).toBeNull();
  });
});

describe('needsConfirm', () => {
  it.each([
    [false, false, true], [false, true, true], [true, false, true], [true, true, false],
  ])('generatedBefore=%s askOnce=%s -> %s', (generatedBefore, masterkeyAskOnce, want) => {
    expect(needsConfirm({ generatedBefore }, { masterkeyAskOnce })).toBe(want);
  });
});

describe('masterKeyProblem', () => {
  it('wants a key unless empty keys are allowed', () => {
    expect(masterKeyProblem({ key: '', confirm: '', askConfirm: false, allowEmpty: false })).toEqual({
      field: 'key', message: 'Enter your master key',
    });
    expect(masterKeyProblem({ key: '', confirm: '', askConfirm: true, allowEmpty: true })).toBeNull();
  });
  it('catches a mismatch next to the confirm field', () => {
    expect(masterKeyProblem({ key: 'abc', confirm: 'abd', askConfirm: true, allowEmpty: false })).toEqual({
      field: 'confirm', message: 'The two master keys differ',
    });
    expect(masterKeyProblem({ key: '', confirm: 'x', askConfirm: true, allowEmpty: true })?.field).toBe('confirm');
  });
  it('ignores the confirm field when it is not asked', () => {
    expect(masterKeyProblem({ key: 'abc', confirm: '', askConfirm: false, allowEmpty: false })).toBeNull();
  });
});

describe('hostOfURL', () => {
  it.each([
    ['https://github.com/login', 'github.com'],
    ['http://mail.example.org:8080/a?b#c', 'mail.example.org'],
    ['  https://user@bank.example/  ', 'bank.example'],
    ['github.com', ''],
    ['github.com/login', ''],
    ['mailto:a@b.c', ''],
    ['', ''],
  ])('%s gives %s', (text, host) => {
    expect(hostOfURL(text)).toBe(host);
  });
});
