// Every setting the Settings dialog shows: its backend key, how to edit it,
// and a one-line explanation.

export const SETTINGS = [
  { key: 'animals_do_not_scramble', prop: 'animalsDoNotScramble', type: 'bool', label: 'Keep animals in a fixed order',
    help: 'Show the 20 animals always in the same order instead of shuffling them each time.' },
  { key: 'masterkey_use_ignored', prop: 'masterkeyUseIgnored', type: 'bool', label: 'Allow an empty master key (less secure)',
    help: 'An empty master key field uses the key kept in the vault; anyone who unlocks the vault can generate.' },
  { key: 'masterkey_ask_once', prop: 'masterkeyAskOnce', type: 'bool', label: 'Ask for the master key once',
    help: 'After an entry\u2019s first password, ask for the master key once instead of twice.' },
  { key: 'password_always_show_not_copy', prop: 'passwordAlwaysShowNotCopy', type: 'bool', label: 'Show passwords instead of copying',
    help: 'Show the generated password on screen; otherwise it goes straight to the clipboard.' },
  { key: 'password_default_length', prop: 'passwordDefaultLength', type: 'int', min: 2, max: 64, label: 'Default password length',
    help: 'Length of the password of a new entry (2 to 64).' },
  { key: 'password_default_complexity', prop: 'passwordDefaultComplexity', type: 'choice', label: 'Default complexity',
    choices: [['1', '1 — normal (fast)'], ['2', '2 — intermediate'], ['3', '3 — advanced (about a minute)']],
    help: 'Higher complexity makes a password much slower to guess, and to generate.' },
  { key: 'clipboard_clear_seconds', prop: 'clipboardClearSeconds', type: 'int', min: 0, max: 3600, label: 'Clear clipboard after (seconds)',
    help: 'A copied password is wiped from the clipboard after this many seconds (0: never).' },
  { key: 'auto_lock_minutes', prop: 'autoLockMinutes', type: 'int', min: 0, max: 1440, label: 'Lock after idle (minutes)',
    help: 'Lock the vault after this many minutes without activity (0: never).' },
  { key: 'session_remember_hours', prop: 'sessionRememberHours', type: 'int', min: 0, max: 744, label: 'Remember me for (hours)',
    help: '\u201cRemember me\u201d keeps the vault unlocked across restarts for this long, via the OS keyring.' },
  { key: 'compat_mode', prop: 'compatMode', type: 'choice', label: 'Compatibility mode',
    choices: [['forgiva', 'Forgiva'], ['enterprise', 'Forgiva Enterprise']],
    help: 'Which Forgiva edition\u2019s passwords to reproduce. Changing it changes every password.' },
  { key: 'enterprise_salt', prop: 'enterpriseSalt', type: 'hex', label: 'Enterprise salt (hex)',
    help: 'The salt of enterprise mode, in hexadecimal; must match your organisation\u2019s.' },
  { key: 'signature', prop: 'hasSignature', type: 'secret', label: 'Signature',
    help: 'An extra secret mixed into every password. Kept encrypted; it is never shown again.' },
];

/** settingValue turns a form control's state into the string SetSetting takes. */
export function settingValue(def, control) {
  switch (def.type) {
    case 'bool':
      return control.checked ? 'true' : 'false';
    case 'int':
      return String(control.value).trim();
    case 'hex':
      return String(control.value).trim().toLowerCase();
    default:
      return String(control.value);
  }
}

/** settingProblem checks a value before it is sent; null when it looks fine. */
export function settingProblem(def, value) {
  if (def.type === 'int') {
    if (!/^\d+$/.test(value)) return 'Enter a whole number';
    const n = Number(value);
    if (n < def.min || n > def.max) return `Enter a number from ${def.min} to ${def.max}`;
  }
  if (def.type === 'hex' && (!/^([0-9a-f]{2})+$/.test(value))) {
    return 'Enter pairs of hexadecimal digits (0-9, a-f)';
  }
  return null;
}
