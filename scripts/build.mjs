// Bundles the extension client, the language server and the CLI into dist/.
import * as esbuild from 'esbuild';
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
