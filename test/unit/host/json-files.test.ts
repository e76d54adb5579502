import assert from 'node:assert/strict';
import { test } from 'node:test';
import { jsonListAddition } from '../../../server/src/host/json-files';

const ITEM = { id: 'user-zorvexin', brands: ['Zorvexin'] };

/** The text after the addition, or the problem. */
function added(text: string, makeItem: (list: readonly unknown[]) => unknown = () => ITEM): string {
  const result = jsonListAddition(text, 'drugs', makeItem);
  if ('problem' in result) return `problem: ${result.problem}`;
  if ('alreadyThere' in result) return 'already there';
  return text.slice(0, result.edit.start) + result.edit.newText + text.slice(result.edit.end);
}

test('an item is appended to the list in the indentation of the entries before it, and the rest of the file is kept', () => {
  const text = '{\n    "$schema": "x",\n    "drugs": [\n        { "id": "zorvexa" }\n    ],\n    "terms": []\n}\n';
  assert.equal(
    added(text),
    '{\n    "$schema": "x",\n    "drugs": [\n        { "id": "zorvexa" },\n        {\n            "id": "user-zorvexin",\n            "brands": [\n                "Zorvexin"\n            ]\n        }\n    ],\n    "terms": []\n}\n',
  );
});

test('an empty list, a missing list, an empty object; line ends and tabs are kept', () => {
  assert.deepEqual(JSON.parse(added('{ "drugs": [] }')), { drugs: [ITEM] });
  assert.deepEqual(JSON.parse(added('{\r\n\t"sections": []\r\n}\r\n')), { sections: [], drugs: [ITEM] });
  assert.match(added('{\r\n\t"sections": []\r\n}\r\n'), /^\{\r\n\t"sections": \[\],\r\n\t"drugs": \[\r\n\t\t\{\r\n\t\t\t"id"/);
  assert.doesNotMatch(added('{\r\n\t"sections": []\r\n}\r\n'), /[^\r]\n/);
  assert.deepEqual(JSON.parse(added('{}')), { drugs: [ITEM] });
  assert.deepEqual(JSON.parse(added('{"drugs":[{"id":"a"}],"x":"]}"}')), { drugs: [{ id: 'a' }, ITEM], x: ']}' });
});

test('strings holding brackets, quotes and escapes do not confuse it; a repeated key is the last one, as JSON.parse reads it', () => {
  const text = '{ "note": "a \\"drugs\\": [ here ]", "drugs": [ { "id": "a", "n": "}]\\\\" } ] }';
  assert.deepEqual(JSON.parse(added(text)).drugs, [{ id: 'a', n: '}]\\' }, ITEM]);
  assert.deepEqual(JSON.parse(added('{ "drugs": [1], "drugs": [] }')).drugs, [ITEM]);
});

test('invalid JSON, another shape, or an item already there: no edit', () => {
  assert.equal(added('{ "drugs": ['), 'problem: is not valid JSON');
  assert.equal(added('[]'), 'problem: is not a JSON object');
  assert.equal(added('{ "drugs": {} }'), 'problem: has a "drugs" value that is not a list');
  assert.equal(added('{ "drugs": [] }', () => null), 'already there');
});
