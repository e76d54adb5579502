import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MIN_FILES_PER_THREAD, threadsFor } from '../../../server/src/cli/run-batch';

test('the default lints on one thread until each thread has a measured gain ahead of it', () => {
  // On the 2-core machine of BENCHMARKS.md a second thread was slower up to about 5,000 letters.
  for (const files of [0, 1, 200, 1000, 5000, 2 * MIN_FILES_PER_THREAD - 1]) assert.equal(threadsFor(files, 2, false), 1, `${files} files`);
  assert.equal(threadsFor(2 * MIN_FILES_PER_THREAD, 2, false), 2);
  assert.equal(threadsFor(100_000, 2, false), 2, 'never more than the cores');
  assert.equal(threadsFor(3 * MIN_FILES_PER_THREAD, 8, false), 3, 'one thread per MIN_FILES_PER_THREAD files');
  assert.equal(threadsFor(100_000, 1, false), 1);
});

test('an explicit --jobs is honoured as given, but never with more threads than files', () => {
  assert.equal(threadsFor(10, 4, true), 4);
  assert.equal(threadsFor(3, 4, true), 3);
  assert.equal(threadsFor(100_000, 1, true), 1);
  assert.equal(threadsFor(0, 4, true), 1);
});
