// When to ask for the master key twice, and the check done before any work.

/**
 * needsConfirm: the first generation of an entry fixes its password for good,
 * so a typo there must be caught; masterkeyAskOnce relaxes later ones.
 */
export function needsConfirm(entry, settings) {
  return !entry.generatedBefore || !settings?.masterkeyAskOnce;
}

/** masterKeyProblem returns {field, message} or null when the key can be used. */
export function masterKeyProblem({ key, confirm, askConfirm, allowEmpty }) {
  if (!key && !allowEmpty) return { field: 'key', message: 'Enter your master key' };
  if (askConfirm && key !== confirm) return { field: 'confirm', message: 'The two master keys differ' };
  return null;
}
