// A popup menu of actions (the entry row's "More actions"): arrow keys move,
// Enter or a click runs an item, Esc or a click elsewhere closes it and
// gives the focus back to where it came from.
import { h } from './dom.js';

let current = null;

/**
 * openMenu shows items ({ label, action, run, danger, shortcut }) under
 * anchor; returnFocus gets the focus back when the menu closes without
 * running an item that moves it elsewhere.
 */
export function openMenu(anchor, items, { label = 'Actions', returnFocus = anchor } = {}) {
  closeMenu();
  const buttons = items.map((item) => h('button', {
    type: 'button', role: 'menuitem', tabIndex: -1, class: item.danger ? 'danger-text' : '',
    dataset: { action: item.action },
    on: { click: () => { closeMenu(false); item.run(); } },
  }, h('span', { text: item.label }), item.shortcut ? h('kbd', { text: item.shortcut, 'aria-hidden': 'true' }) : null));
  const menu = h('div', { id: 'row-menu', class: 'menu', role: 'menu', 'aria-label': label }, buttons);
  menu.addEventListener('keydown', (e) => {
    const i = buttons.indexOf(document.activeElement);
    const step = { ArrowDown: 1, ArrowUp: -1 }[e.key];
    if (step) {
      e.preventDefault();
      buttons[(i + step + buttons.length) % buttons.length].focus();
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      buttons[e.key === 'Home' ? 0 : buttons.length - 1].focus();
    } else if (e.key === 'Escape' || e.key === 'Tab') {
      e.preventDefault();
      e.stopPropagation();
      closeMenu();
    }
  });
  const outside = (e) => { if (!menu.contains(e.target)) closeMenu(); };
  document.body.append(menu);
  place(menu, anchor);
  current = { menu, returnFocus, outside };
  setTimeout(() => document.addEventListener('pointerdown', outside, true));
  buttons[0]?.focus();
}

/** closeMenu removes the open menu; refocus gives the focus back. */
export function closeMenu(refocus = true) {
  if (!current) return;
  const { menu, returnFocus, outside } = current;
  current = null;
  document.removeEventListener('pointerdown', outside, true);
  menu.remove();
  if (refocus && returnFocus?.isConnected) returnFocus.focus();
}

// place puts the menu below the anchor, or above it when there is no room,
// and inside the window horizontally.
function place(menu, anchor) {
  const a = anchor.getBoundingClientRect();
  const m = menu.getBoundingClientRect();
  const below = a.bottom + m.height <= window.innerHeight;
  menu.style.top = `${Math.max(0, below ? a.bottom : a.top - m.height)}px`;
  menu.style.left = `${Math.max(0, Math.min(a.right - m.width, window.innerWidth - m.width))}px`;
}
