// A strength meter under a new-password field, fed by PasswordStrength().
import { api } from './api.js';
import { h } from './dom.js';
import { strengthView } from './lib/strength.js';
import { debounce } from './lib/timing.js';

/**
 * strengthMeter watches input and shows the backend's verdict. check()
 * returns the verdict for the current value (asking again if needed).
 */
export function strengthMeter(input, id) {
  const bar = h('meter', { min: 0, max: 4, low: 1.5, high: 2.5, optimum: 4, value: 0, 'aria-hidden': 'true' });
  const text = h('span', { class: 'strength-text' });
  const el = h('div', { class: 'strength', id, 'aria-live': 'polite', hidden: true }, bar, text);
  let asked = '';
  let answer = null;

  async function check() {
    const pw = input.value;
    if (pw === asked && answer) return answer;
    if (!pw) {
      render(pw, null);
      return null;
    }
    try {
      const a = await api.passwordStrength(pw);
      if (input.value === pw) {
        asked = pw;
        answer = a;
        render(pw, a);
      }
      return a;
    } catch {
      return null; // the strength hint is advisory; the backend checks again on submit
    }
  }

  function render(pw, a) {
    const view = strengthView(pw, a);
    bar.value = pw ? view.level + 0.5 : 0;
    text.textContent = view.text;
    el.dataset.level = String(view.level);
    el.hidden = !pw;
  }

  const later = debounce(check, 200);
  input.addEventListener('input', later);
  return {
    el,
    check,
    reset() {
      later.cancel();
      asked = '';
      answer = null;
      render('', null);
    },
  };
}
