/**
 * Prints the performance figures recorded in BENCHMARKS.md. Run with `npm run bench`
 * (builds first). Uses ../shared/corpus when present, generated letters otherwise.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
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

/**
 * How busy other processes kept this machine while some commands ran (Linux only): the CPU time of
 * all processes, from /proc/stat (the hypervisor's steal time included), less this process's and its
 * finished children's, from /proc/self/stat, as a share of all cores' time.
 */
function machineLoad() {
  const readable = existsSync('/proc/stat') && existsSync('/proc/self/stat');
  const ticks = () => {
    const [user, nice, system, idle, iowait, irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const self = readFileSync('/proc/self/stat', 'utf8');
    // After the command name: state, ppid, …; utime, stime, cutime and cstime are the 12th to 15th.
    const fields = self.slice(self.lastIndexOf(')') + 2).split(' ').map(Number);
    const busy = user + nice + system + irq + softirq + steal;
    return { busy, total: busy + idle + iowait, ours: fields[11] + fields[12] + fields[13] + fields[14] };
  };
  let start: ReturnType<typeof ticks> | undefined;
  return {
    start() {
      start = readable ? ticks() : undefined;
    },
    report(): string {
      if (!start) return 'how busy other processes kept the machine is not known here';
      const end = ticks();
      const share = Math.max(0, end.busy - start.busy - (end.ours - start.ours)) / Math.max(1, end.total - start.total);
      return `other processes kept ${fmt(100 * share, 0)}% of the machine's CPU time busy during these runs`;
    },
  };
}

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

  // 6. Whole-process CLI time vs a bare read-and-regex baseline, over the corpus and about 1,000
  // letters, one thread vs the default; and rules on vs off.
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
    const cli = resolve('dist', 'cli.js');
    /**
     * `rounds` runs of each command, one of each per round, so that a slow spell of a shared machine
     * falls on all of them alike; the order is reversed every other round, in case going later is
     * cheaper. Returns each command's runs, in rounds.
     */
    const interleave = (commands: (() => number)[], rounds: number) => {
      const runs: number[][] = commands.map(() => []);
      for (let round = 0; round < rounds; round++) {
        const order = commands.map((_, index) => (round % 2 === 0 ? index : commands.length - 1 - index));
        for (const index of order) runs[index].push(commands[index]());
      }
      return runs;
    };
    /** Each round's ratio of one command to another; their median is the figure least moved by slow spells. */
    const pairRatio = (runs: number[], against: number[]) => median(runs.map((ms, index) => ms / against[index]));
    /** Two commands in `rounds` neighbouring pairs, with the median of the pairs' ratios. */
    const alternate = (first: () => number, second: () => number, rounds: number) => {
      const [firstRuns, secondRuns] = interleave([first, second], rounds);
      return { firstRuns, secondRuns, ratio: pairRatio(firstRuns, secondRuns) };
    };
    const range = (runs: number[]) => `${fmt(Math.min(...runs), 0)}–${fmt(Math.max(...runs), 0)}`;

    // The corpus, and the corpus copied into a temporary folder about five times over: a QA batch of
    // about 1,000 letters, where a default that starts worker threads would show what they cost.
    const copies = Math.max(1, Math.round(1000 / files.length));
    const replicaFolder = mkdtempSync(join(tmpdir(), 'imr-bench-batch-'));
    const replicated = Array.from({ length: copies }, (_, copy) =>
      files.map((file, index) => {
        const path = join(replicaFolder, `copy-${copy}`, `${String(index).padStart(4, '0')}-${basename(file)}`);
        mkdirSync(dirname(path), { recursive: true });
        copyFileSync(file, path);
        return path;
      }),
    ).flat();
    const machine = machineLoad();
    const batchRounds = 11;
    // Node reads the file NODE_EXTRA_CA_CERTS names at every start, which on this machine costs about
    // 90 ms: more than half the baseline. Said beside the figures, since it flatters every ratio.
    const certificates = process.env.NODE_EXTRA_CA_CERTS ? ' (NODE_EXTRA_CA_CERTS is set: Node loads those certificates at every start)' : '';
    try {
      for (const [label, batch] of [['the corpus', files], [`the corpus × ${copies}`, replicated]] as const) {
        const commands: [string, () => number][] = [
          ['bare baseline (read + one regex)', () => timeOnce([baseline, ...batch])],
          // What the baseline is mostly made of: Node starting and stopping, which every figure here includes.
          ['bare Node start (node -e 0)', () => timeOnce(['-e', '0'])],
          ['imr-lint --jobs 1', () => timeOnce([cli, '--jobs', '1', '--format', 'json', ...batch])],
          ['imr-lint (default jobs)', () => timeOnce([cli, '--format', 'json', ...batch])],
          ['imr-lint --jobs 2', () => timeOnce([cli, '--jobs', '2', '--format', 'json', ...batch])],
          // The floor under the 5× bound: start-up, reading, parsing, each rationale's conclusion and the JSON, without a check.
          ['imr-lint --jobs 1, every rule off', () => timeOnce([cli, '--jobs', '1', '--format', 'json', '--config', offConfig, ...batch])],
        ];
        machine.start();
        const [baseRuns, startRuns, ...cliRuns] = interleave(
          commands.map(([, command]) => command),
          batchRounds,
        );
        console.log(`\nWhole-process time over ${label} (${batch.length} files; --format json; median of ${batchRounds} interleaved rounds, range):`);
        console.log(`  ${commands[0][0].padEnd(34)} ${fmt(median(baseRuns), 0).padStart(5)} ms (${range(baseRuns)})`);
        console.log(`  ${commands[1][0].padEnd(34)} ${fmt(median(startRuns), 0).padStart(5)} ms (${range(startRuns)}): ${fmt(pairRatio(startRuns, baseRuns))} of the baseline${certificates}`);
        cliRuns.forEach((runs, index) => {
          const vsOne = index === 0 ? '' : `; ${fmt(pairRatio(runs, cliRuns[0]), 3)}× --jobs 1 by the rounds' ratios`;
          console.log(
            `  ${commands[index + 2][0].padEnd(34)} ${fmt(median(runs), 0).padStart(5)} ms (${range(runs)}): ${fmt(pairRatio(runs, baseRuns))}× baseline by the rounds' ratios, ${fmt(median(runs) / median(baseRuns))}× from the medians${vsOne}`,
          );
        });
        console.log(`  ${machine.report()}`);
      }
    } finally {
      rmSync(replicaFolder, { recursive: true, force: true });
    }

    const lint = (config?: string) => timeOnce([cli, '--jobs', '1', '--format', 'json', ...(config ? ['--config', config] : []), ...files]);
    const pairs = 21;
    const { firstRuns: onRuns, secondRuns: offRuns, ratio: onOffRatio } = alternate(() => lint(), () => lint(offConfig), pairs);
    const cliMs = median(onRuns);
    const cliOffMs = median(offRuns);
    console.log(`\nRules on and off over the corpus (imr-lint --jobs 1; ${pairs} alternating pairs):`);
    console.log(`  rules on:                         ${fmt(cliMs, 0)} ms (${range(onRuns)})`);
    console.log(`  rules off:                        ${fmt(cliOffMs, 0)} ms (${range(offRuns)})`);
    console.log(`  all rules on vs all off:          ${fmt(onOffRatio, 3)}× (median of the pairs' ratios; ${fmt(cliMs / cliOffMs, 3)}× from the medians, ${fmt(cliMs - cliOffMs, 0)} ms)`);

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
