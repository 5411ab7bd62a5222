import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const api = process.env.WEFT_API ?? 'http://127.0.0.1:8080';

export default defineConfig({
  root,
  plugins: [react()],
  resolve: {
    // Use the workspace packages' TypeScript sources directly, so the bundle never depends on a stale dist.
    conditions: ['weft-source', 'module', 'browser', 'development|production'],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: {
      '/api': { target: api, changeOrigin: false, ws: true },
    },
  },
});
