// Bundles the extension client, the language server and the CLI into dist/.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { bundleOptions } from './build-config.mjs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
const builds = bundleOptions({ production });

for (const options of builds) {
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

// The CLI's code cache (see server/src/cli/launch.ts): made by a run over the examples and the test letters, so that it
// holds the functions a run compiles, under this Node version and the CLI's engine flags.
if (!watch) {
  const run = spawnSync(process.execPath, ['dist/cli.js', '--format', 'json', '--fail-on', 'never', 'examples', 'test/fixtures'], {
    env: { ...process.env, IMR_LINT_CODE_CACHE: 'write' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (run.status !== 0) throw new Error(`making the CLI's code cache failed (exit ${run.status})`);
}
