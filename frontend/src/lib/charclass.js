// Splits a password into runs of one character class, so each run can be
// coloured: digits, upper case, lower case and symbols look different and
// 0/O, 1/l/I are easy to tell apart.

/** charClass names the class of one character. */
export function charClass(ch) {
  if (/^[0-9]$/.test(ch)) return 'digit';
  if (/^[A-Z]$/.test(ch)) return 'upper';
  if (/^[a-z]$/.test(ch)) return 'lower';
  if (/^\s$/.test(ch)) return 'space';
  return 'symbol';
}

/** classRuns returns [{cls, text}] covering the password in order. */
export function classRuns(password) {
  const runs = [];
  for (const ch of password) {
    const cls = charClass(ch);
    const last = runs[runs.length - 1];
    if (last && last.cls === cls) last.text += ch;
    else runs.push({ cls, text: ch });
  }
  return runs;
}
