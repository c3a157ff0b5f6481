import { defineConfig } from 'vite';

// In `vite dev`, CSS arrives through JS-injected <style> tags, which the
// production CSP (style-src 'self') forbids; the dev server relaxes just that.
const devStyleCsp = {
  name: 'dev-style-csp',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
};

// Wails embeds frontend/dist into the Go binary (//go:embed all:frontend/dist).
export default defineConfig({
  plugins: [devStyleCsp],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  test: {
    include: ['test/**/*.test.js'],
  },
});
