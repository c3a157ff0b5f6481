// Type-ahead over a list of names (the animal grid): the typed letters
// pick the next name that starts with them.

/**
 * animalMatching returns the index of the name starting with typed
 * (case-insensitive), looking from the one after current and wrapping; a
 * single letter typed again moves on to the next name with that letter.
 * -1 when none matches.
 */
export function animalMatching(names, typed, current) {
  const want = typed.toLowerCase();
  const n = names.length;
  // One letter: start after the current name (cycle); more: the current
  // name may still match as it grows.
  const first = want.length === 1 ? 1 : 0;
  for (let k = first; k < n + first; k++) {
    const i = (current + k + n) % n;
    if (names[i].toLowerCase().startsWith(want)) return i;
  }
  return -1;
}
