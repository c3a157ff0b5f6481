// The only module that touches the Wails bindings (window.go.main.App) and
// runtime (window.runtime). Each wrapper returns the binding's promise; a Go
// error rejects it with a user-facing message (see lib/errors.js).

function app() {
  const bound = window.go?.main?.App;
  if (!bound) throw new Error('The app backend is not available');
  return bound;
}

const call = (method) => (...args) => {
  try {
    return Promise.resolve(app()[method](...args));
  } catch (err) {
    return Promise.reject(err);
  }
};

export const api = {
  state: call('State'),
  passwordStrength: call('PasswordStrength'),
  createVault: call('CreateVault'),
  unlock: call('Unlock'),
  lock: call('Lock'),
  groups: call('Groups'),
  addGroup: call('AddGroup'),
  updateGroup: call('UpdateGroup'),
  removeGroup: call('RemoveGroup'),
  countGroupSubtree: call('CountGroupSubtree'),
  entries: call('Entries'),
  entry: call('Entry'),
  addEntry: call('AddEntry'),
  updateEntry: call('UpdateEntry'),
  removeEntry: call('RemoveEntry'),
  search: call('Search'),
  hosts: call('Hosts'),
  settings: call('Settings'),
  settingsForm: call('SettingsForm'),
  setSetting: call('SetSetting'),
  changePassword: call('ChangePassword'),
  animals: call('Animals'),
  startGeneration: call('StartGeneration'),
  pickAnimal: call('PickAnimal'),
  cancelGeneration: call('CancelGeneration'),
  copyPassword: call('CopyPassword'),
  forgetGeneration: call('ForgetGeneration'),
  exportBackup: call('ExportBackup'),
  importBackup: call('ImportBackup'),
  touch: call('Touch'),
};

/** hasBackend says whether the bindings are present (false in a plain browser). */
export function hasBackend() {
  return Boolean(window.go?.main?.App);
}

/** onEvent subscribes to a backend event; it returns an unsubscribe function. */
export function onEvent(name, handler) {
  const runtime = window.runtime;
  if (!runtime?.EventsOn) return () => {};
  const off = runtime.EventsOn(name, handler);
  return typeof off === 'function' ? off : () => runtime.EventsOff?.(name);
}
