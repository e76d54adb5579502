import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { test } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze';
import { outline } from '../../../server/src/features/outline';
import { foldingSpans } from '../../../server/src/features/folding';
import { loadKnowledge } from '../../../server/src/knowledge';
import { fuzzSeeds, mutate } from '../../support/fuzz';

const CASES = 2500;
/**
 * Not a speed measurement (see BENCHMARKS.md) but a hang detector: a slow case is
 * re-run twice and judged by its best time, so a GC pause or a busy CI machine
 * cannot fail the suite while a real blow-up still does.
 */
const HANG_MS = 100;

test(`${CASES} mutated letters never throw and never hang`, () => {
  const knowledge = loadKnowledge();
  const seeds = fuzzSeeds();
  const failures: string[] = [];
  let worst = 0;
  const runCase = (text: string) => {
    const start = performance.now();
    const { letter, conclusions } = analyze(text, { knowledge });
    if (letter) {
      outline(letter, conclusions);
      foldingSpans(letter);
    }
    return performance.now() - start;
  };
  for (let seed = 1; seed <= CASES; seed++) {
    const text = mutate(seeds[seed % seeds.length], seed);
    try {
      let elapsed = runCase(text);
      for (let retry = 0; retry < 2 && elapsed > HANG_MS; retry++) elapsed = Math.min(elapsed, runCase(text));
      worst = Math.max(worst, elapsed);
      if (elapsed > HANG_MS) failures.push(`seed ${seed}: ${elapsed.toFixed(1)} ms`);
    } catch (error) {
      failures.push(`seed ${seed}: ${(error as Error).stack}`);
    }
  }
  console.log(`fuzz: ${CASES} cases from ${seeds.length} seed letters, worst ${worst.toFixed(2)} ms`);
  assert.deepEqual(failures, []);
});
