import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { CORPUS, requireCorpus, skipWithoutCorpus } from '../../support/corpus';

/** The documentation checks issue #13 measures against the item-level gold. */
const CHECKS = ['functional-improvement', 'quantity', 'refill-count', 'opioid-monitoring', 'duration-of-use', 'conclusion-item-mismatch', 'decision-conclusion'];
/** The clinical checks of issue #14 the gold scores, with their own bar: 95% precision and 90% recall. */
const CLINICAL_CHECKS = ['partial-scope', 'letter-consistency'];
/** Wrong verdicts known and explained in docs/rules/PRECISION.md: none today. */
const KNOWN_WRONG: readonly string[] = [];

interface CheckScore {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  readonly tn: number;
  readonly skipped: number;
  readonly exactA: number;
}

/**
 * Scores the built CLI against ../shared/corpus/gold-rules-dev.json with the shared scorer and
 * prints its table. Every check must reach 90% precision and 85% recall; a check with fewer than
 * five expected findings may have no wrong verdict at all. Today no check has a wrong verdict on
 * the 217 items, so the assertion is at that measured value: any change to a rule that moves a
 * verdict on a real item fails here, and its wrong verdicts are listed.
 */
test('the documentation checks against the item-level gold (gold-rules-dev.json)', { skip: skipWithoutCorpus }, () => {
  requireCorpus();
  const cli = resolve('dist', 'cli.js');
  assert.ok(existsSync(cli), 'dist/cli.js is missing: run npm run build (npm test builds first)');
  const scorer = resolve(CORPUS, '..', 'tools', 'score-rules.mjs');
  const args = [scorer, join(CORPUS, 'gold-rules-dev.json'), join(CORPUS, 'real-layout'), join(CORPUS, 'seeds'), '--cli', cli];
  const table = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  assert.equal(table.status, 0, table.stderr);
  console.log(table.stdout.trimEnd());
  const scored = spawnSync(process.execPath, [...args, '--json', '--list'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  assert.equal(scored.status, 0, scored.stderr);
  const { score, wrong } = JSON.parse(scored.stdout) as { score: Record<string, CheckScore>; wrong: string[][] };
  const problems: string[] = [];
  for (const check of CHECKS) {
    const s = score[check];
    assert.ok(s, `the scorer knows no check ${check}`);
    const expected = s.tp + s.fn;
    const precision = s.tp + s.fp === 0 ? 1 : s.tp / (s.tp + s.fp);
    const recall = expected === 0 ? 1 : s.tp / expected;
    if (precision < 0.9 || recall < 0.85) problems.push(`${check}: precision ${(precision * 100).toFixed(0)}%, recall ${(recall * 100).toFixed(0)}% (targets 90% and 85%)`);
    if (expected < 5 && s.fp + s.fn > 0) problems.push(`${check}: ${s.fp + s.fn} wrong verdicts with only ${expected} expected findings (none allowed)`);
    if (check === 'opioid-monitoring' && s.exactA !== s.tp) problems.push(`opioid-monitoring names the exact missing A's in ${s.exactA} of ${s.tp} findings`);
  }
  for (const check of CLINICAL_CHECKS) {
    const s = score[check];
    assert.ok(s, `the scorer knows no check ${check}`);
    const precision = s.tp + s.fp === 0 ? 1 : s.tp / (s.tp + s.fp);
    const recall = s.tp + s.fn === 0 ? 1 : s.tp / (s.tp + s.fn);
    if (precision < 0.95 || recall < 0.9) problems.push(`${check}: precision ${(precision * 100).toFixed(0)}%, recall ${(recall * 100).toFixed(0)}% (targets 95% and 90%)`);
  }
  // The measured value: no wrong verdict on any item (listed by letter, item, check, expected, got).
  const wrongVerdicts = wrong.filter(([, , check]) => CHECKS.includes(check) || CLINICAL_CHECKS.includes(check) || check === 'opioid-dose (MME)').map((row) => row.join(' | '));
  assert.deepEqual({ problems, wrongVerdicts }, { problems: [], wrongVerdicts: KNOWN_WRONG });
});
