import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development the API runs on its own port; the proxy keeps the console same-origin.
const api = process.env.VITE_API_PROXY ?? 'http://127.0.0.1:4000';

export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/graphql': api, '/health': api, '/ready': api } },
  build: { outDir: 'dist', sourcemap: true },
});
