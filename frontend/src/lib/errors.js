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
 * fieldForError guesses which field a backend message is about ("Host is
 * required" -> host) so it can be shown next to it; null means the form.
 */
export function fieldForError(message, fields) {
  const lower = message.toLowerCase();
  let best = null;
  let bestAt = Infinity;
  for (const [field, words] of Object.entries(fields)) {
    for (const word of words) {
      const at = lower.search(new RegExp(`\\b${word}\\b`));
      if (at >= 0 && at < bestAt) {
        best = field;
        bestAt = at;
      }
    }
  }
  return best;
}
