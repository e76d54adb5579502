import assert from 'node:assert/strict';
import { test } from 'node:test';
import { JsonFilesWriter } from '../../../server/src/cli/json-output';

function written(files: unknown[], problems: string[] = []): { text: string; chunks: number } {
  const chunks: string[] = [];
  const writer = new JsonFilesWriter((chunk) => chunks.push(chunk));
  for (const file of files) writer.add(file);
  writer.end(problems);
  return { text: chunks.join(''), chunks: chunks.length };
}

test('the streamed JSON is byte for byte what JSON.stringify writes for the whole batch', () => {
  const file = (n: number) => ({
    path: `letters/${n}.txt`,
    letter: n % 3 === 0 ? null : { header: {}, items: [{ title: 'Norco 10/325mg #90: "Upheld"', decision: 'Upheld' }], nested: { empty: [], none: {} } },
    diagnostics: n % 2 ? [] : [{ code: 'quantity', severity: 'warning', message: 'a\nb\u2019', range: { start: { line: n, character: 0 } } }],
    outline: undefined,
  });
  for (const count of [0, 1, 2, 7]) {
    const files = Array.from({ length: count }, (_, n) => file(n));
    assert.equal(written(files).text, JSON.stringify({ files }, null, 2) + '\n', `${count} files`);
    // A run's own problems follow the files, only when there are any.
    const problems = ['.imrlintrc.json: Not valid JSON', 'knowledge file not used: "x"'];
    assert.equal(written(files, problems).text, JSON.stringify({ files, problems }, null, 2) + '\n', `${count} files and problems`);
  }
});

test('a large batch is written in pieces as it goes, not held until the end', () => {
  const files = Array.from({ length: 2000 }, (_, n) => ({ path: `letters/${n}.txt`, diagnostics: [{ message: 'x'.repeat(100) }] }));
  const { text, chunks } = written(files);
  assert.equal(text, JSON.stringify({ files }, null, 2) + '\n');
  assert.ok(chunks > 3, `${chunks} writes`);
});
