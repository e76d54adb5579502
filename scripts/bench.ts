/**
 * Prints the performance figures recorded in BENCHMARKS.md. Run with `npm run bench`
 * (builds first). Uses ../shared/corpus when present, generated letters otherwise.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyze } from '../server/src/engine/analyze';
import { loadKnowledge } from '../server/src/knowledge';
import { parseLetter } from '../server/src/letter/parse';
import { ALL_RULES } from '../server/src/engine/catalogue';
import { TestClient } from '../test/support/lsp-client';
import { makeAdversarialLetter, makeLetter, makeLetterWithItems } from '../test/support/letters';

const CORPUS = resolve(process.cwd(), '..', 'shared', 'corpus');
const knowledge = loadKnowledge();

function corpusFiles(): string[] {
  if (!existsSync(CORPUS)) return [];
  return ['seeds', 'real-layout', 'real-raw'].flatMap((folder) =>
    readdirSync(join(CORPUS, folder))
      .filter((name) => name.endsWith('.txt'))
      .map((name) => join(CORPUS, folder, name)),
  );
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function median(values: number[]): number {
  return percentile([...values].sort((a, b) => a - b), 50);
}

/** Repeats `work` until at least `minMs` has passed; returns ms per call (best of 3 rounds). */
function timePerCall(work: () => void, minMs = 300): number {
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    let calls = 0;
    const start = performance.now();
    let elapsed = 0;
    do {
      work();
      calls++;
      elapsed = performance.now() - start;
    } while (elapsed < minMs);
    best = Math.min(best, elapsed / calls);
  }
  return best;
}

const fmt = (value: number, digits = 2) => value.toFixed(digits);

async function main(): Promise<void> {
  const files = corpusFiles();
  const texts = files.length ? files.map((file) => readFileSync(file, 'utf8')) : [makeLetter()];
  console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${fmt(totalmem() / 2 ** 30, 0)} GiB, Node ${process.version}`);
  console.log(`Corpus: ${files.length ? `${files.length} letters from ../shared/corpus` : 'not found; using a generated letter'}`);
  console.log(`Rules: ${ALL_RULES.length}`);
  if (files.length) {
    // Every drug named in a corpus item title should be in the drug dictionary.
    const gold = JSON.parse(readFileSync(join(CORPUS, 'gold-dev.json'), 'utf8')) as { items: { title: string }[] }[];
    const titles = [...new Set(gold.flatMap((letter) => letter.items.map((item) => item.title)))];
    const drugLike = titles.filter((title) => /\d\s*(?:mg|mcg|%|ml|gm|grams?)\b|#\s*\d|\bcream\b/i.test(title));
    const found = drugLike.filter((title) => knowledge.findDrugs(title).length > 0).length;
    console.log(`Drug dictionary coverage: ${found}/${drugLike.length} drug-like item titles in the corpus (${fmt((100 * found) / drugLike.length, 1)}%)`);
  }
  console.log('');

  // 1. Throughput over the corpus replicated to at least 5 MB.
  const corpusBytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  const copies = Math.max(1, Math.ceil((5 * 1024 * 1024) / corpusBytes));
  const totalMb = (corpusBytes * copies) / (1024 * 1024);
  // The JIT needs a few passes before the figures settle; the best of three rounds is reported.
  const throughput = (work: (text: string) => unknown) => {
    for (let pass = 0; pass < 3; pass++) for (const text of texts) work(text);
    let best = Infinity;
    for (let round = 0; round < 3; round++) {
      const start = performance.now();
      for (let copy = 0; copy < copies; copy++) for (const text of texts) work(text);
      best = Math.min(best, performance.now() - start);
    }
    return totalMb / (best / 1000);
  };
  console.log(`Full analysis (parse + all rules) over ${fmt(totalMb, 1)} MB (corpus × ${copies}): ${fmt(throughput((text) => analyze(text, { knowledge })), 1)} MB/s`);
  console.log(`Parse only: ${fmt(throughput(parseLetter), 1)} MB/s`);

  // 2. Time per typical letter.
  const perLetter = texts.map((text) => timePerCall(() => analyze(text, { knowledge }), 5));
  const sortedPerLetter = [...perLetter].sort((a, b) => a - b);
  console.log(
    `Time per letter: median ${fmt(median(perLetter) * 1000, 0)} µs, p95 ${fmt(percentile(sortedPerLetter, 95) * 1000, 0)} µs, max ${fmt(sortedPerLetter.at(-1)! * 1000, 0)} µs (mean size ${fmt(corpusBytes / texts.length / 1024, 1)} KB)`,
  );

  // 3. Scaling with the number of items.
  console.log('\nScaling (generated letters):');
  const perByte = new Map<number, number>();
  for (const items of [1, 10, 100, 1000]) {
    const text = makeLetterWithItems(items);
    const bytes = Buffer.byteLength(text);
    const ms = timePerCall(() => analyze(text, { knowledge }));
    perByte.set(items, (ms * 1e6) / bytes);
    console.log(`  ${String(items).padStart(4)} items, ${fmt(bytes / 1024, 1).padStart(7)} KB: ${fmt(ms, 3).padStart(8)} ms, ${fmt((ms * 1e6) / bytes, 1)} ns/byte`);
  }
  console.log(`  cost per byte at 1000 items / at 10 items: ${fmt(perByte.get(1000)! / perByte.get(10)!)}×`);
  const adversarial = [1000, 4000].map((repeat) => {
    const text = makeAdversarialLetter(repeat);
    return { kb: Buffer.byteLength(text) / 1024, ms: timePerCall(() => analyze(text, { knowledge })) };
  });
  console.log(
    `  adversarial letter (negation triggers, repeated drugs): ${fmt(adversarial[0].kb, 0)} KB ${fmt(adversarial[0].ms, 1)} ms, ${fmt(adversarial[1].kb, 0)} KB ${fmt(adversarial[1].ms, 1)} ms (${fmt(adversarial[1].ms / adversarial[0].ms)}× time for ${fmt(adversarial[1].kb / adversarial[0].kb)}× size)`,
  );

  // 4. LSP latency, didChange → publishDiagnostics.
  console.log('\nLSP latency (didChange → publishDiagnostics, real client over stdio):');
  const client = await TestClient.start({ initializationOptions: { validationDelayMs: 0 } });
  try {
    const samples: [string, string][] = [
      ['typical letter', texts[Math.floor(texts.length / 2)]],
      ['100-item letter', makeLetterWithItems(100)],
    ];
    for (const [label, text] of samples) {
      const uri = `file:///bench/${label.replace(/\W+/g, '-')}.imr`;
      await client.open(uri, text, 1);
      await client.diagnostics(uri, (params) => params.version === 1);
      const latencies: number[] = [];
      const endLine = text.split('\n').length - 1;
      for (let version = 2; version <= 201; version++) {
        const change =
          version % 2 === 0
            ? { range: { start: { line: endLine, character: 0 }, end: { line: endLine, character: 0 } }, text: 'x' }
            : { range: { start: { line: endLine, character: 0 }, end: { line: endLine, character: 1 } }, text: '' };
        const sent = performance.now();
        const published = client.diagnostics(uri, (params) => params.version === version);
        await client.change(uri, version, [change]);
        await published;
        latencies.push(performance.now() - sent);
      }
      latencies.sort((a, b) => a - b);
      console.log(`  ${label}: p50 ${fmt(percentile(latencies, 50))} ms, p95 ${fmt(percentile(latencies, 95))} ms (200 edits)`);
    }

  } finally {
    await client.stop();
  }

  // 5. Memory of a fresh server (started as the extension starts it) with 200 open letters.
  const memoryClient = await TestClient.start({ initializationOptions: { validationDelayMs: 0 } });
  try {
    const rssMb = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${memoryClient.process.pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;
    await memoryClient.open('file:///bench/first.imr', texts[0], 1);
    await memoryClient.diagnostics('file:///bench/first.imr');
    const idle = rssMb();
    for (let i = 0; i < 200; i++) await memoryClient.open(`file:///bench/open-${i}.imr`, texts[i % texts.length], 1);
    await memoryClient.diagnostics('file:///bench/open-199.imr', () => true, 30_000);
    console.log(`\nServer memory: ${fmt(idle, 1)} MB RSS with one letter open, ${fmt(rssMb(), 1)} MB with 200 open letters`);
  } finally {
    await memoryClient.stop();
  }

  // 6. Whole-process CLI time vs a bare read-and-regex baseline, and rules on vs off.
  if (files.length) {
    const baseline = join(mkdtempSync(join(tmpdir(), 'imr-bench-')), 'baseline.cjs');
    writeFileSync(
      baseline,
      `const fs=require('fs');let n=0;for(const f of process.argv.slice(2)){const t=fs.readFileSync(f,'utf8');n+=(t.match(/: (Upheld|Overturned)\\s*$/gm)||[]).length}console.log(n)`,
    );
    const configFolder = mkdtempSync(join(tmpdir(), 'imr-bench-'));
    /** A config file that turns off every rule but `keep` (not-a-letter stays on: it only fires on non-letters). */
    const configKeeping = (name: string, keep: readonly string[]) => {
      const path = join(configFolder, `${name}.json`);
      const off = ALL_RULES.filter((rule) => rule.id !== 'not-a-letter' && !keep.includes(rule.id));
      writeFileSync(path, JSON.stringify({ rules: Object.fromEntries(off.map((rule) => [rule.id, 'off'])) }));
      return path;
    };
    const offConfig = configKeeping('off', []);
    const timeOnce = (args: string[]) => {
      const t0 = performance.now();
      const result = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
      const elapsed = performance.now() - t0;
      if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(' ')} failed: ${result.stderr}`);
      return elapsed;
    };
    const timeCommand = (args: string[], runs = 7) => median(Array.from({ length: runs }, () => timeOnce(args)));
    const cli = resolve('dist', 'cli.js');
    const baseMs = timeCommand([baseline, ...files]);
    const cliJobsMs = timeCommand([cli, '--format', 'json', ...files]);
    /**
     * `rounds` runs of each of two commands, each run next to one of the other (which goes first
     * alternates, in case going second is cheaper), so that a slow spell of a shared machine falls on
     * both alike; each neighbouring pair gives a ratio of its own, and their median is the figure least
     * moved by such spells.
     */
    const alternate = (first: () => number, second: () => number, rounds: number) => {
      const firstRuns: number[] = [];
      const secondRuns: number[] = [];
      for (let round = 0; round < rounds; round++) {
        if (round % 2 === 0) {
          firstRuns.push(first());
          secondRuns.push(second());
        } else {
          secondRuns.push(second());
          firstRuns.push(first());
        }
      }
      return { firstRuns, secondRuns, ratio: median(firstRuns.map((ms, index) => ms / secondRuns[index])) };
    };
    const lint = (config?: string) => timeOnce([cli, '--jobs', '1', '--format', 'json', ...(config ? ['--config', config] : []), ...files]);
    const pairs = 21;
    const { firstRuns: onRuns, secondRuns: offRuns, ratio: pairRatio } = alternate(() => lint(), () => lint(offConfig), pairs);
    const cliMs = median(onRuns);
    const cliOffMs = median(offRuns);
    console.log(`\nWhole-process time over the corpus (${files.length} files; median of 7 runs; rules on and off: ${pairs} alternating pairs):`);
    console.log(`  bare baseline (read + one regex): ${fmt(baseMs, 0)} ms`);
    console.log(`  imr-lint --jobs 1:                ${fmt(cliMs, 0)} ms (${fmt(cliMs / baseMs)}× baseline)`);
    console.log(`  imr-lint (default jobs):          ${fmt(cliJobsMs, 0)} ms (${fmt(cliJobsMs / baseMs)}× baseline)`);
    console.log(`  imr-lint --jobs 1, rules off:     ${fmt(cliOffMs, 0)} ms`);
    console.log(`  all rules on vs all off:          ${fmt(pairRatio, 3)}× (median of the pairs' ratios; ${fmt(cliMs / cliOffMs, 3)}× from the medians, ${fmt(cliMs - cliOffMs, 0)} ms)`);
    console.log(`  spread of the runs:               on ${fmt(Math.min(...onRuns), 0)}–${fmt(Math.max(...onRuns), 0)} ms, off ${fmt(Math.min(...offRuns), 0)}–${fmt(Math.max(...offRuns), 0)} ms`);

    // Where the rules' cost lies: each group on by itself against all off. The groups share work
    // (tokens, sentences, item facts), so their costs add up to more than all rules together.
    const inGroups: [string, string[]][] = [
      ['documentation rules', ['functional-improvement', 'opioid-monitoring', 'duration-of-use', 'refill-count', 'quantity', 'conclusion-item-mismatch']],
      ['  functional-improvement alone', ['functional-improvement']],
      ['whole-text scans (phi, date-order)', ['phi', 'date-order']],
      ['citation rules', ['citation-missing', 'citation-page', 'citation-unknown', 'citation-edition']],
    ];
    const grouped = new Set(inGroups.flatMap(([, ids]) => ids));
    const groups = [...inGroups, ['structure and the rest', ALL_RULES.map((rule) => rule.id).filter((id) => !grouped.has(id) && id !== 'not-a-letter')] as [string, string[]]];
    const groupRounds = 15;
    const groupRatios = groups.map(([, ids], index) => {
      const config = configKeeping(`group-${index}`, ids);
      return alternate(() => lint(config), () => lint(offConfig), groupRounds).ratio;
    });
    console.log(`  each group of rules on by itself vs all off (median of ${groupRounds} alternating pairs):`);
    groups.forEach(([name], index) => {
      console.log(`    ${name.padEnd(36)} ${fmt(groupRatios[index])}×`);
    });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
