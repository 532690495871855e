import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Served by the API at /admin/ (apps/api/src/platform/http/web.ts); in `npm run dev` API calls go to a local API.
export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/api': { target: process.env.GUANTONG_API ?? 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler|@tanstack)[\\/]/, priority: 20 },
            { name: 'antd', test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[a-z-]+|dayjs|@emotion)[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
});
