import { defineConfig } from 'vite';

// Root is client/ (`vite build client`); the server serves client/dist at `/`.
// In development, `npx vite client` proxies /graphql to a running API server (API_URL).
export default defineConfig({
  base: './',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: {
      '/graphql': process.env.API_URL ?? 'http://127.0.0.1:4200',
    },
  },
});
