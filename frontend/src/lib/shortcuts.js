// Global keyboard shortcuts. Ctrl on Linux and Windows, Cmd (meta) on macOS.

const BINDINGS = {
  'Mod+L': 'lock',
  'Mod+F': 'search',
  'Mod+K': 'quick',
  'Mod+N': 'add-entry',
  'Mod+,': 'settings',
};

/** comboOf names a key event like "Mod+L", or just "Escape". */
export function comboOf(event) {
  const parts = [];
  if (event.ctrlKey || event.metaKey) parts.push('Mod');
  if (event.altKey) parts.push('Alt');
  if (event.shiftKey && event.key.length > 1) parts.push('Shift');
  const key = event.key.length === 1 ? event.key.toUpperCase() : event.key;
  parts.push(key);
  return parts.join('+');
}

/** commandFor returns the command a key event triggers, or null. */
export function commandFor(event) {
  if (event.isComposing) return null;
  return BINDINGS[comboOf(event)] ?? null;
}
