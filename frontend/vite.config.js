import { defineConfig } from 'vite';

// Wails embeds frontend/dist into the Go binary (//go:embed all:frontend/dist).
export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
});
