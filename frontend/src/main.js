import './style.css';

// The Wails runtime injects window.go with the bound Go methods. Asking for the
// version proves the binding pipeline end to end; in a plain browser (vite dev)
// there is no backend, and the page says so instead of failing.
async function showVersion(target) {
  const app = window.go?.main?.App;
  if (!app) {
    target.textContent = 'unknown (no backend)';
    return;
  }
  try {
    target.textContent = await app.Version();
  } catch (err) {
    target.textContent = `unavailable: ${err}`;
  }
}

showVersion(document.getElementById('version'));
