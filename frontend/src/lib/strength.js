// Turns the backend's PasswordStrength answer into what the meter shows.

const LEVELS = [
  { min: 0, label: 'Very weak' },
  { min: 28, label: 'Weak' },
  { min: 50, label: 'Fair' },
  { min: 70, label: 'Strong' },
  { min: 90, label: 'Very strong' },
];

/** strengthLevel maps estimated bits of entropy to a level 0..4. */
export function strengthLevel(bits) {
  const b = Number.isFinite(bits) ? bits : 0;
  let level = 0;
  LEVELS.forEach((l, i) => {
    if (b >= l.min) level = i;
  });
  return level;
}

/**
 * strengthView returns {level, label, text, ok} for a {bits, ok, message}
 * answer. An empty password shows nothing; a refused one shows the backend's
 * reason, which says how to fix it.
 */
export function strengthView(password, answer) {
  if (!password) return { level: 0, label: '', text: '', ok: false };
  const level = strengthLevel(answer?.bits);
  const label = LEVELS[level].label;
  const bits = Math.round(answer?.bits ?? 0);
  const reason = answer?.message ? ` — ${answer.message}` : '';
  return { level, label, text: `${label} (about ${bits} bits)${reason}`, ok: Boolean(answer?.ok) };
}

/** newPasswordProblem checks a new password typed twice before asking the backend. */
export function newPasswordProblem(password, confirm, answer) {
  if (!password) return { field: 'password', message: 'Choose a password' };
  if (answer && !answer.ok) return { field: 'password', message: answer.message || 'This password is too weak' };
  if (password !== confirm) return { field: 'confirm', message: 'The two passwords differ' };
  return null;
}
