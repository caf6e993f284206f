// The console's build (`npm run console:build` → apps/console/dist, which the gateway serves with
// JINENG_CONSOLE_DIR) and its development server beside a running gateway (`npm run console:dev`:
// /api and the OIDC discovery document are proxied to JINENG_GATEWAY_URL, default http://127.0.0.1:3000).
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
        // React changes less often than the screens: a cached chunk of its own. Ant Design's components
        // go with the screens that use them, so the first page loads only the shell's.
        advancedChunks: {
          groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ }],
        },
      },
    },
  },
  server: {
    // the development issuer's discovery document too: the console signs in through it (ADR 0020); the
    // proxy keeps the Host, so the issuer's endpoints and allowed redirect URI are on this server's origin
    proxy: {
      '/api': process.env.JINENG_GATEWAY_URL ?? 'http://127.0.0.1:3000',
      '/.well-known/openid-configuration': process.env.JINENG_GATEWAY_URL ?? 'http://127.0.0.1:3000',
    },
  },
});
