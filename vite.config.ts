import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };
import { contentScripts } from './scripts/vite-content-scripts.ts';

/**
 * Pages that no manifest key names must be listed as inputs, or crxjs leaves them out
 * (offscreen) or copies them unbuilt (the dock iframe).
 */
export const extraPages = {
  offscreen: 'extension/offscreen/index.html',
  dock: 'extension/dock/index.html',
  onboarding: 'extension/onboarding/index.html',
};

const define = { __DEBUG__: JSON.stringify(process.env.NODE_ENV !== 'production') };

// Content scripts are built by contentScripts() as single classic scripts, not by crxjs.
const { content_scripts: scripts, ...pagesManifest } = manifest;

export default defineConfig({
  plugins: [preact(), crx({ manifest: pagesManifest }), contentScripts(scripts, define)],
  build: {
    target: 'chrome116',
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: { input: extraPages },
  },
  server: { port: 5173, strictPort: true },
  define,
});
