import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * The built site may talk to its own origin only: the Content-Security-Policy makes any
 * third-party request (fonts, CDNs, telemetry) fail in the browser. Build only, because the dev
 * server needs an inline script for React refresh.
 */
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; " +
  "worker-src 'self' blob:; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'";

const contentSecurityPolicy = (): Plugin => ({
  name: 'insyn-csp',
  apply: 'build',
  transformIndexHtml: (html) =>
    html.replace(
      '<meta charset="UTF-8" />',
      `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`,
    ),
});

/**
 * `npm start` opens a browser only where one can be opened: on Linux that needs a desktop
 * (DISPLAY or WAYLAND_DISPLAY); without one `vite --open` printed `xdg-open ENOENT`.
 */
const canOpenBrowser =
  !process.env.CI && (process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY));

// base './' so the built site works from any folder of a municipal web server.
export default defineConfig({
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  worker: { format: 'es' },
  build: { chunkSizeWarningLimit: 1200 },
  server: { port: 5173, open: canOpenBrowser },
  preview: { port: 4173 },
});
