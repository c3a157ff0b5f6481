// The only module that touches the Wails bindings (window.go.main.App) and
// runtime (window.runtime). Each wrapper returns the binding's promise; a Go
// error rejects it with {code, message, field} (see lib/errors.js).

import { events, methods } from './bindings.gen.js';

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

/**
 * api holds one wrapper per bound method, named as the method with a
 * lower-case first letter (AddEntry -> api.addEntry). The list comes from Go
 * (bindings.gen.js), so it cannot drift from what App binds.
 */
export const api = Object.freeze(Object.fromEntries(methods.map((m) => [m[0].toLowerCase() + m.slice(1), call(m)])));

/** events are the names of what the backend emits, for onEvent. */
export { events };

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
