import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development the API runs on its own port; the proxy keeps the console same-origin.
const api = process.env.VITE_API_PROXY ?? 'http://127.0.0.1:4000';

export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/graphql': api, '/health': api, '/ready': api } },
  build: {
    outDir: 'dist',
    sourcemap: true,
    // Libraries change less often than the console: separate files stay cached across releases.
    rollupOptions: {
      output: {
        manualChunks(id) {
          if (!id.includes('node_modules')) return undefined;
          if (/node_modules\/(@mui|@emotion)\//.test(id)) return 'mui';
          if (/node_modules\/(recharts|d3-|victory|@reduxjs|immer|decimal\.js)/.test(id)) return 'charts';
          if (/node_modules\/(@apollo|graphql|ra-data-graphql|zen-observable|@wry|optimism)/.test(id)) return 'graphql';
          if (/node_modules\/(react-admin|ra-)/.test(id)) return 'react-admin';
          return 'vendor';
        },
      },
    },
  },
});
