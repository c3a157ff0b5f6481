// The splitter between the groups and the entries: drag it, or focus it and
// use the arrow keys. The width is remembered across restarts by the
// backend (ui.json beside the vault: it holds nothing of the vault).
import { api } from './api.js';
import { h } from './dom.js';

const MIN = 160;
const STEP = 16;

function maxWidth() {
  return Math.max(MIN, Math.floor(window.innerWidth * 0.5));
}

/** mountSplitter adds the splitter to sidebar, resizing the grid of view. */
export function mountSplitter(view, sidebar) {
  const bar = h('div', {
    class: 'splitter', role: 'separator', tabIndex: 0, 'aria-orientation': 'vertical',
    'aria-label': 'Resize the groups panel', 'aria-valuemin': String(MIN),
  });
  const apply = (width, save) => {
    const w = Math.round(Math.max(MIN, Math.min(maxWidth(), width)));
    view.style.setProperty('--sidebar-width', `${w}px`);
    if (save) api.setSidebarWidth(w).catch(() => {}); // a convenience: losing it is harmless
  };
  // The separator says the panel's width as it is (a screen reader reads
  // it), whatever set it: the stylesheet's default, a drag, the window.
  const tell = () => {
    bar.setAttribute('aria-valuenow', String(Math.round(sidebar.getBoundingClientRect().width)));
    bar.setAttribute('aria-valuemax', String(maxWidth()));
  };
  tell();
  new ResizeObserver(tell).observe(sidebar);
  api.windowState().then((ui) => ui.sidebarWidth > 0 && apply(ui.sidebarWidth, false)).catch(() => {});

  bar.addEventListener('pointerdown', (e) => {
    e.preventDefault();
    bar.setPointerCapture(e.pointerId);
    const left = sidebar.getBoundingClientRect().left;
    const move = (ev) => apply(ev.clientX - left, false);
    const up = (ev) => {
      apply(ev.clientX - left, true);
      bar.removeEventListener('pointermove', move);
      bar.removeEventListener('pointerup', up);
    };
    bar.addEventListener('pointermove', move);
    bar.addEventListener('pointerup', up);
  });
  bar.addEventListener('keydown', (e) => {
    const step = { ArrowLeft: -STEP, ArrowRight: STEP }[e.key];
    if (!step) return;
    e.preventDefault();
    apply(sidebar.getBoundingClientRect().width + step, true);
  });
  sidebar.append(bar);
}
