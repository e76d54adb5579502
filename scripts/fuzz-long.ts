/** The long fuzz run recorded in BENCHMARKS.md: `node --import tsx scripts/fuzz-long.ts [cases]`. */
import { performance } from 'node:perf_hooks';
import { analyze } from '../server/src/engine/analyze';
import { loadKnowledge } from '../server/src/knowledge';
import { fuzzSeeds, mutate } from '../test/support/fuzz';

const cases = Number(process.argv[2] ?? 100_000);
const knowledge = loadKnowledge();
const seeds = fuzzSeeds();
let worst = { ms: 0, seed: 0 };
let failures = 0;
const start = performance.now();
for (let seed = 1; seed <= cases; seed++) {
  const text = mutate(seeds[seed % seeds.length], seed);
  const t0 = performance.now();
  try {
    analyze(text, { knowledge });
  } catch (error) {
    failures++;
    console.error(`seed ${seed}: ${(error as Error).stack}`);
  }
  const ms = performance.now() - t0;
  if (ms > worst.ms) worst = { ms, seed };
  if (seed % 10_000 === 0) console.log(`${seed} cases, worst so far ${worst.ms.toFixed(2)} ms (seed ${worst.seed})`);
}
console.log(`${cases} cases in ${((performance.now() - start) / 1000).toFixed(1)} s: ${failures} exceptions, worst ${worst.ms.toFixed(2)} ms (seed ${worst.seed})`);
process.exitCode = failures ? 1 : 0;
