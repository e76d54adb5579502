#!/usr/bin/env node
/*
 * Compares the speed of the analysis in this working tree with another revision's, in one process.
 *
 *   npm run bench:compare -- <revision> [--same-rules [--keep <rule,...>]] [--parse] [--rounds N] [--letters <folder>]
 *
 * This machine's speed drifts by up to 2x within minutes, so two `npm run bench` runs taken apart
 * compare nothing. Here both trees' analysis code is bundled and loaded side by side, and each round
 * times one pass over the letters with each, in alternating order; the figure is the median of the
 * rounds' ratios (this tree's time over the revision's), which a slow spell touches alike.
 *
 * --same-rules   turn off, in both trees, every rule the revision does not have, so that new checks
 *                do not count against the code they share with the old ones
 * --keep         with --same-rules, rules to leave on although the revision lacks them (the checks
 *                of the work being measured, such as `unknown-drug` for issue 13)
 * --parse        time the parser alone (three passes per round)
 * --letters      the letters to run over (default: ../shared/corpus, else examples/)
 *
 * Nothing here is run by `npm test`; the figures go in BENCHMARKS.md.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'same-rules': { type: 'boolean', default: false },
    keep: { type: 'string', default: '' },
    parse: { type: 'boolean', default: false },
    rounds: { type: 'string', default: '40' },
    warmup: { type: 'string', default: '15' },
    letters: { type: 'string' },
  },
});
if (positionals.length !== 1) {
  console.error('usage: node scripts/compare.mjs <git revision> [--same-rules [--keep <rule,...>]] [--parse] [--rounds N] [--warmup N] [--letters <folder>]');
  process.exit(2);
}
const revision = positionals[0];
const rounds = Number(values.rounds);
const warmup = Number(values.warmup);

/** The modules each revision has kept its entry points in, newest first. */
const ENTRY_POINTS = {
  analyze: ['server/src/engine/analyze.ts', 'server/src/analyze.ts'],
  parseLetter: ['server/src/letter/parse.ts'],
  loadKnowledge: ['server/src/knowledge/index.ts'],
  ALL_RULES: ['server/src/engine/catalogue.ts', 'server/src/rules/index.ts'],
};

const root = process.cwd();
const work = mkdtempSync(join(tmpdir(), 'imr-compare-'));
try {
  const base = join(work, 'base');
  mkdirSync(base);
  // The revision's sources only: no worktree to clean up, nothing in this tree touched.
  const archive = execFileSync('git', ['archive', '--format=tar', revision, 'server', 'package.json'], { maxBuffer: 1 << 30 });
  execFileSync('tar', ['-x', '-C', base], { input: archive });
  const shortRevision = execFileSync('git', ['rev-parse', '--short', revision], { encoding: 'utf8' }).trim();

  const trees = [
    { name: shortRevision, lib: await bundle(base, 'base') },
    { name: 'this tree', lib: await bundle(root, 'this') },
  ];
  const texts = readLetters(values.letters);
  let config;
  if (values['same-rules']) {
    const kept = new Set([...trees[0].lib.ALL_RULES.map((rule) => rule.id), ...values.keep.split(',').filter(Boolean)]);
    const dropped = trees[1].lib.ALL_RULES.map((rule) => rule.id).filter((id) => !kept.has(id));
    config = { rules: Object.fromEntries(dropped.map((id) => [id, 'off'])), ignore: [] };
    console.log(`Rules off in both trees (not in ${shortRevision}): ${dropped.join(', ') || 'none'}`);
  }
  for (const tree of trees) tree.knowledge = tree.lib.loadKnowledge();
  const pass = values.parse
    ? (tree) => {
        const start = performance.now();
        for (let copy = 0; copy < 3; copy++) for (const text of texts) tree.lib.parseLetter(text);
        return performance.now() - start;
      }
    : (tree) => {
        const start = performance.now();
        for (const text of texts) tree.lib.analyze(text, { knowledge: tree.knowledge, config });
        return performance.now() - start;
      };
  for (let round = 0; round < warmup; round++) for (const tree of trees) pass(tree);
  const times = trees.map(() => []);
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? [0, 1] : [1, 0];
    for (const index of order) times[index].push(pass(trees[index]));
  }
  const what = values.parse ? 'parse only (3 passes)' : `full analysis${values['same-rules'] ? ` with ${shortRevision}'s rules` : ''}`;
  console.log(`${what}, ${texts.length} letters, ${rounds} interleaved rounds after ${warmup} warm-up rounds each:`);
  trees.forEach((tree, index) => console.log(`  ${tree.name.padEnd(10)} median ${fmt(quantile(times[index], 0.5))} ms per pass (quartiles ${fmt(quantile(times[index], 0.25))}–${fmt(quantile(times[index], 0.75))})`));
  const ratios = times[1].map((time, index) => time / times[0][index]);
  console.log(`  this tree / ${shortRevision}: ${quantile(ratios, 0.5).toFixed(3)} by the median of the rounds' ratios (quartiles ${quantile(ratios, 0.25).toFixed(3)}–${quantile(ratios, 0.75).toFixed(3)})`);
} catch (error) {
  console.error(`compare: ${String(error.message).split('\n')[0]}`);
  process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** Bundles a tree's analysis entry points into one CommonJS file and loads it. */
async function bundle(tree, name) {
  const lines = [];
  for (const [exported, candidates] of Object.entries(ENTRY_POINTS)) {
    const found = candidates.find((candidate) => existsSync(join(tree, candidate)));
    if (!found) throw new Error(`${name}: none of ${candidates.join(', ')} exists`);
    lines.push(`export { ${exported} } from ${JSON.stringify(join(tree, found))};`);
  }
  const entry = join(work, `${name}-entry.ts`);
  writeFileSync(entry, lines.join('\n'));
  const outfile = join(work, `${name}.cjs`);
  const { version } = JSON.parse(readFileSync(join(tree, 'package.json'), 'utf8'));
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    logLevel: 'error',
    // The revision's sources are outside this tree; its packages are this tree's.
    nodePaths: [join(root, 'node_modules')],
    define: { IMR_VERSION: JSON.stringify(version), 'import.meta.url': 'importMetaUrl' },
    inject: [join(root, 'scripts/import-meta-url.js')],
  });
  return createRequire(import.meta.url)(outfile);
}

function readLetters(folder) {
  const candidates = folder ? [resolve(folder)] : [resolve(root, '../shared/corpus'), resolve(root, 'examples')];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) throw new Error(`no letters in ${candidates.join(' or ')}`);
  const files = [];
  const walk = (path) => {
    if (statSync(path).isDirectory()) for (const entry of readdirSync(path).sort()) walk(join(path, entry));
    else if (/\.(?:txt|imr)$/i.test(path)) files.push(path);
  };
  walk(found);
  console.log(`Letters: ${files.length} from ${found}`);
  return files.map((file) => readFileSync(file, 'utf8'));
}

function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

function fmt(value) {
  return value.toFixed(2);
}
