import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer build is shared by Electron (served from app://) and browser mode (served by the headless server).
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../dist/renderer', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 8000 },
  worker: { format: 'es' },
});
