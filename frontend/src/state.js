// What the views share: settings, the group list and the selection. Views
// listen for changes instead of calling each other.

const listeners = new Map();

export const state = {
  settings: null,
  schema: [], // the settings' definitions (App.SettingsForm); the entry form takes its ranges from it
  groups: [],
  selectedGroupId: 0,
  expanded: new Set(),
  version: '',
};

// The topics views talk about; a name outside this list is a typo that would
// otherwise fail silently.
const topics = new Set([
  'groups', // the group list changed
  'selection', // another group was selected
  'entries', // the entries shown changed
  'counts', // entry counts per group changed
  'imported', // a backup was merged in
]);

function checkTopic(topic) {
  if (!topics.has(topic)) throw new Error(`unknown state topic "${topic}"`);
}

/** on registers a listener for one of the topics above. */
export function on(topic, fn) {
  checkTopic(topic);
  if (!listeners.has(topic)) listeners.set(topic, new Set());
  listeners.get(topic).add(fn);
}

/** emit tells the listeners of topic that it changed. */
export function emit(topic, detail) {
  checkTopic(topic);
  for (const fn of listeners.get(topic) ?? []) fn(detail);
}

export function selectedGroup() {
  return state.groups.find((g) => g.id === state.selectedGroupId) ?? null;
}
