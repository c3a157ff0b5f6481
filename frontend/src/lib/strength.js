// Turns the backend's PasswordStrength answer (zxcvbn, in Go: bits, level,
// label, ok, message, rated) into what the meter shows. No rating is made here.

/**
 * strengthView returns {level, label, text, ok} for a {bits, ok, message}
 * answer. An empty password shows nothing; a refused one shows the backend's
 * reason, which says how to fix it.
 */
export function strengthView(password, answer) {
  if (!password || !answer) return { level: 0, label: '', text: '', ok: false };
  // The backend could not rate it (its helper is missing): only why.
  if (answer.rated === false) return { level: 0, label: answer.label, text: answer.message, ok: false };
  const reason = answer.message ? ` — ${answer.message}` : '';
  return { level: answer.level, label: answer.label, text: `${answer.label} (about ${answer.bits} bits)${reason}`, ok: Boolean(answer.ok) };
}

export const WEAK_MESSAGE = 'Too weak: the meter below says why';

/**
 * newPasswordProblem checks a new password typed twice before asking the
 * backend. A weak one is only pointed at: the meter under the field already
 * gives the backend's reason, which is not printed twice.
 */
export function newPasswordProblem(password, confirm, answer) {
  if (!password) return { field: 'password', message: 'Choose a password' };
  if (answer && !answer.ok) return { field: 'password', message: answer.message ? WEAK_MESSAGE : 'This password is too weak' };
  if (password !== confirm) return { field: 'confirm', message: 'The two passwords differ' };
  return null;
}
