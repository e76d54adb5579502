// What scripts/build.mjs bundles, and how; also read by the test that keeps Node out of the browser bundle.
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

/** The esbuild options of every bundle in dist/. */
export function bundleOptions({ production = false } = {}) {
  const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
    outdir: 'dist',
    define: { IMR_VERSION: JSON.stringify(version), 'import.meta.url': 'importMetaUrl' },
    // ES modules bundled into CommonJS (tinyglobby's fdir) read import.meta.url; give it the bundle's own.
    inject: ['scripts/import-meta-url.js'],
  };
  return [
    // The language server in a web worker: for the browser, so esbuild fails on any Node built-in.
    { ...common, entryPoints: { 'browser-server': 'server/src/lsp/browser-server.ts' }, platform: 'browser', format: 'iife', target: 'es2022', inject: [], define: { IMR_VERSION: JSON.stringify(version) } },
    { ...common, entryPoints: { client: 'client/src/extension.ts' }, external: ['vscode'] },
    // The web extension's client, for VS Code for the Web's extension host (a web worker too).
    { ...common, entryPoints: { 'browser-client': 'client/src/browser-extension.ts' }, external: ['vscode'], platform: 'browser', format: 'cjs', target: 'es2022', inject: [], define: { IMR_VERSION: JSON.stringify(version) } },
    // cli is the imr-lint launcher, which runs the imr-lint bundle with a V8 code cache (see launch.ts).
    { ...common, entryPoints: { server: 'server/src/lsp/server.ts', cli: 'server/src/cli/launch.ts', 'imr-lint': 'server/src/cli/main.ts', 'cli-worker': 'server/src/cli/worker.ts' } },
  ];
}
