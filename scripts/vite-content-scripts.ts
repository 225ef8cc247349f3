/**
 * Builds each manifest content script as one self-contained classic script (IIFE) in
 * `dist/content/`, and names those files in the built manifest.
 *
 * crxjs would make each content script a loader that imports ES module chunks shared with the
 * extension's pages: the script then starts only after a chain of dynamic imports, every chunk
 * it loads has to be web-accessible (any page on the CRM hosts could fetch and fingerprint
 * them), and a shared chunk carries whatever any of its importers needs. One file per script
 * runs at once, exposes nothing, and holds only its own code (docs/numbers.md, "Size").
 *
 * So crxjs gets the manifest without `content_scripts`, and this plugin builds them after it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { build, type Plugin } from 'vite';

export interface ContentScriptSpec {
  matches: string[];
  js: string[];
  [key: string]: unknown;
}

/** The built file of a source entry: `extension/content/tel.ts` → `content/tel.js`. */
export function builtName(entry: string): string {
  return `content/${path.basename(entry).replace(/\.[cm]?[jt]sx?$/, '')}.js`;
}

export function contentScripts(
  scripts: readonly ContentScriptSpec[],
  define: Record<string, string>,
): Plugin {
  let outDir = 'dist';
  let target: string | string[] = 'chrome116';
  return {
    name: 'cti-content-scripts',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
      target = config.build.target || target;
    },
    async closeBundle() {
      const entries = [...new Set(scripts.flatMap((s) => s.js))];
      for (const entry of entries) {
        const file = builtName(entry);
        await build({
          configFile: false,
          logLevel: 'warn',
          define,
          publicDir: false,
          build: {
            outDir: path.join(outDir, path.dirname(file)),
            emptyOutDir: false,
            target,
            minify: true,
            lib: {
              entry: path.resolve(entry),
              formats: ['iife'],
              name: 'ctiContent',
              fileName: () => path.basename(file),
            },
          },
        });
      }
      const manifestPath = path.join(outDir, 'manifest.json');
      const built = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
      built['content_scripts'] = scripts.map((s) => ({ ...s, js: s.js.map(builtName) }));
      fs.writeFileSync(manifestPath, JSON.stringify(built, null, 2));
    },
  };
}
