// Bundles the extension client, the language server and the CLI into dist/.
import * as esbuild from 'esbuild';
import { cpSync, readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  define: { IMR_VERSION: JSON.stringify(version), 'import.meta.url': 'importMetaUrl' },
  // ES modules bundled into CommonJS (tinyglobby's fdir) read import.meta.url; give it the bundle's own.
  inject: ['scripts/import-meta-url.js'],
};

const builds = [
  { entryPoints: { client: 'client/src/extension.ts' }, external: ['vscode'] },
  { entryPoints: { server: 'server/src/lsp/server.ts', cli: 'server/src/cli/launch.ts', 'cli-main': 'server/src/cli/main.ts', 'cli-worker': 'server/src/cli/worker.ts' } },
];

for (const build of builds) {
  const options = { ...common, ...build, outdir: 'dist' };
  if (watch) {
    const context = await esbuild.context(options);
    await context.watch();
  } else {
    await esbuild.build(options);
  }
}

// The knowledge is bundled into the server; the data and schemas also ship as files so an
// organisation can model its own imr.knowledgeFiles on them.
for (const folder of ['data', 'schema']) cpSync(`server/src/knowledge/${folder}`, `dist/knowledge/${folder}`, { recursive: true });
