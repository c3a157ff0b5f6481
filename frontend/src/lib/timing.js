// Rate limiting for input handlers.

/** debounce calls fn once, ms after the last call; cancel() drops a pending call. */
export function debounce(fn, ms) {
  let timer = null;
  const debounced = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      fn(...args);
    }, ms);
  };
  debounced.cancel = () => {
    clearTimeout(timer);
    timer = null;
  };
  return debounced;
}

/**
 * throttle calls fn at once, then ignores calls until ms have passed: enough
 * for "the user is active" pings, where dropping the trailing call is fine.
 */
export function throttle(fn, ms, now = () => Date.now()) {
  let last = -Infinity;
  return (...args) => {
    const t = now();
    if (t - last < ms) return;
    last = t;
    fn(...args);
  };
}
