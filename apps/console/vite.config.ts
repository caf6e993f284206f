// The console's build (`npm run console:build` → apps/console/dist, which the gateway serves with
// JINENG_CONSOLE_DIR) and its development server beside a running gateway (`npm run console:dev`:
// /api is proxied to JINENG_GATEWAY_URL, default http://127.0.0.1:3000).
import { defineConfig } from 'vite';

export default defineConfig({
  root: __dirname,
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      // Ant Design's modules start with "use client" (React server components): meaningless in a bundle
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
      output: {
        // the framework and Ant Design change less often than the screens: their own cached chunks
        advancedChunks: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'antd', test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': process.env.JINENG_GATEWAY_URL ?? 'http://127.0.0.1:3000' },
  },
});
