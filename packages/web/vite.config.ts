import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const api = process.env.WEFT_API ?? 'http://127.0.0.1:8080';

// Libraries in chunks of their own: their file names (content hashes) stay the same across deploys that
// only change Weft's code, so browsers keep them cached. Each group also takes the modules its members
// import, unless a group of higher priority claimed them first. Mantine is one chunk with every component
// any page uses, and comes before TipTap: otherwise the Mantine parts @mantine/tiptap imports would land in
// the TipTap chunk, and every page using one of them would download the editor.
const vendorChunks = [
  {
    name: 'react',
    test: /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router|cookie|set-cookie-parser)[\\/]/,
    priority: 40,
  },
  {
    name: 'mantine',
    test: /[\\/]node_modules[\\/](@mantine[\\/](core|hooks|notifications|store)|@floating-ui)[\\/]/,
    priority: 30,
  },
  {
    name: 'tiptap',
    test: /[\\/]node_modules[\\/](@tiptap|@mantine[\\/]tiptap|prosemirror-[a-z-]+|linkifyjs)[\\/]/,
    priority: 20,
  },
  { name: 'icons', test: /[\\/]node_modules[\\/]@tabler[\\/]icons-react[\\/]/, priority: 10 },
  { name: 'zod', test: /[\\/]node_modules[\\/]zod[\\/]/, priority: 10 },
];

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
    rolldownOptions: {
      output: { codeSplitting: { groups: vendorChunks } },
    },
  },
  server: {
    proxy: {
      '/api': { target: api, changeOrigin: false, ws: true },
    },
  },
});
