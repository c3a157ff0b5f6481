// Rules of the entry form that need no backend.

export const CLASSES = ['lowercase', 'uppercase', 'numbers', 'symbols'];

/** Fields that feed the password: changing any of them changes the password. */
const PASSWORD_FIELDS = ['host', 'account', 'complexity', 'length', ...CLASSES];

const LABELS = {
  host: 'host',
  account: 'account',
  complexity: 'complexity',
  length: 'length',
  lowercase: 'lower case',
  uppercase: 'upper case',
  numbers: 'numbers',
  symbols: 'symbols',
};

/** changedPasswordFields lists (as labels) what in after changes the password of before. */
export function changedPasswordFields(before, after) {
  if (!before) return [];
  return PASSWORD_FIELDS.filter((f) => normalise(f, before[f]) !== normalise(f, after[f])).map((f) => LABELS[f]);
}

function normalise(field, value) {
  if (field === 'complexity' || field === 'length') return Number(value);
  if (CLASSES.includes(field)) return Boolean(value);
  return String(value ?? '');
}

/** defaultEntryInput is a new entry in groupId with the defaults from settings (App.Settings). */
export function defaultEntryInput(groupId, settings) {
  return {
    groupId,
    host: '',
    account: '',
    complexity: settings.passwordDefaultComplexity,
    length: settings.passwordDefaultLength,
    lowercase: true,
    uppercase: true,
    numbers: true,
    symbols: true,
    typeSequence: '',
    typeConfirm: false,
  };
}

/** entryInputProblem catches what the form can see alone; the backend checks the rest. */
export function entryInputProblem(input) {
  if (!CLASSES.some((c) => input[c])) return { field: 'classes', message: 'Pick at least one kind of character' };
  if (!Number.isInteger(input.length)) return { field: 'length', message: 'Length must be a whole number' };
  return null;
}

/**
 * hostOfURL is the host of text when text is a web address with a scheme
 * (https://github.com/login gives github.com), else "".
 */
export function hostOfURL(text) {
  const t = String(text ?? '').trim();
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(t)) return '';
  try {
    return new URL(t).hostname;
  } catch {
    return '';
  }
}
