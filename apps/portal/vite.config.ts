import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The API serves dist/ at / (SPA fallback to index.html), so assets live under /assets/.
export default defineConfig({
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    sourcemap: false,
    rolldownOptions: {
      // @guantong/contracts is plain declarations (zod schemas, message tables, helpers). Declaring its
      // modules and `z.…` schema builders side-effect free keeps only what the portal really uses
      // (localize, pickLocale, types) instead of every schema plus all of zod (~30 kB gzip).
      treeshake: {
        moduleSideEffects: [{ test: /[\\/]packages[\\/]contracts[\\/]src[\\/]/, sideEffects: false }],
        manualPureFunctions: ['z'],
      },
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
