// The user-facing text of a rejected backend call. Wails rejects with the Go
// error's string; anything else is reduced to one line, never a stack.

export function messageOf(err) {
  let text;
  if (typeof err === 'string') text = err;
  else if (err && typeof err.message === 'string') text = err.message;
  else text = 'Something went wrong';
  text = text.replace(/^(Error|TypeError|RangeError):\s*/, '');
  const firstLine = text.split('\n')[0].trim();
  return firstLine || 'Something went wrong';
}

/**
 * fieldOf is the input a backend error is about, by its JSON name ("host",
 * "length", "newPassword"…): the Go side sends {code, message, field}. An
 * empty string means the form as a whole.
 */
export function fieldOf(err) {
  return typeof err?.field === 'string' ? err.field : '';
}

/** codeOf is a backend error's code ("invalid", "wrong_password"…), '' if it has none. */
export function codeOf(err) {
  return typeof err?.code === 'string' ? err.code : '';
}
