// What the views share: settings, the group list and the selection. Views
// listen for changes instead of calling each other.

const listeners = new Map();

export const state = {
  settings: null,
  groups: [],
  selectedGroupId: 0,
  expanded: new Set(),
  version: '',
};

/** on registers a listener for a topic ('groups', 'selection', 'settings', 'entries'). */
export function on(topic, fn) {
  if (!listeners.has(topic)) listeners.set(topic, new Set());
  listeners.get(topic).add(fn);
}

/** emit tells the listeners of topic that it changed. */
export function emit(topic, detail) {
  for (const fn of listeners.get(topic) ?? []) fn(detail);
}

export function selectedGroup() {
  return state.groups.find((g) => g.id === state.selectedGroupId) ?? null;
}
