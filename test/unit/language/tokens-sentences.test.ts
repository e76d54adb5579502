import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitSentences, sentenceAt } from '../../../server/src/language/sentences';
import { tokenList, tokensBefore } from '../../../server/src/language/tokens';
import { random } from '../../support/fuzz';
import { tokenRows } from '../../support/tokens';

const sentencesOf = (text: string) => {
  const tokens = tokenList(text);
  return splitSentences(tokens, text).map((sentence) => text.slice(sentence.span.start, sentence.span.end));
};

test('tokens keep decimals, strengths and contractions whole, and record document offsets', () => {
  const text = "Klonopin .5 and 0.5mg #30; ADL's didn't improve, 7.5-325mg.";
  const tokens = tokenRows(tokenList(text));
  assert.deepEqual(
    tokens.map((token) => token.norm),
    ['klonopin', '.5', 'and', '0.5mg', '#', '30', ';', "adl's", "didn't", 'improve', ',', '7.5', '-', '325mg', '.'],
  );
  assert.deepEqual(
    tokens.map((token) => token.kind),
    ['word', 'number', 'word', 'word', 'punct', 'number', 'punct', 'word', 'word', 'word', 'punct', 'number', 'punct', 'word', 'punct'],
  );
  for (const token of tokens) assert.equal(text.slice(token.start, token.end).toLowerCase(), token.norm);
});

test('tokenizing a range only reads that range', () => {
  const text = 'ignore this. Decision rationale: keep these words';
  const start = text.indexOf('keep');
  const tokens = tokenRows(tokenList(text, { start, end: text.length }));
  assert.deepEqual(tokens.map((token) => token.norm), ['keep', 'these', 'words']);
  assert.equal(tokens[0].start, start);
});

test('sentences end at periods, but not in decimals, abbreviations, initials or before lower case', () => {
  assert.deepEqual(sentencesOf('Per Dr. Lee the dose is 0.5 mg. It helps, e.g. with sleep. See 8 C.C.R. 9792.20 here.'), [
    'Per Dr. Lee the dose is 0.5 mg.',
    'It helps, e.g. with sleep.',
    'See 8 C.C.R. 9792.20 here.',
  ]);
  assert.deepEqual(sentencesOf('He has had prior PT. There is no benefit.'), ['He has had prior PT.', 'There is no benefit.']);
  assert.deepEqual(sentencesOf('The ODG states "reassess after six visits." The request is denied'), [
    'The ODG states "reassess after six visits."',
    'The request is denied',
  ]);
  assert.deepEqual(sentencesOf('Compare drug vs. placebo. No. 3 was used? Yes!'), ['Compare drug vs. placebo.', 'No. 3 was used?', 'Yes!']);
});

test('sentences wrap over line breaks and page breaks', () => {
  assert.deepEqual(sentencesOf('There is no objective\n\fevidence of benefit. Next\nsentence.'), ['There is no objective\n\fevidence of benefit.', 'Next\nsentence.']);
});

test('sentenceAt finds the sentence holding an offset', () => {
  const text = 'One two. Three four. Five.';
  const tokens = tokenList(text);
  const sentences = splitSentences(tokens, text);
  const found = sentenceAt(sentences, text.indexOf('four'));
  assert.ok(found);
  assert.equal(text.slice(found.span.start, found.span.end), 'Three four.');
  assert.equal(sentenceAt(sentences, text.length + 5), undefined);
});

test('tokens before a list tokenized from after whitespace are the tokens of the whole range', () => {
  const pieces = ['Norco', '10/325mg', '#90', "doesn't", 'e.g.', 'Dr.', '7.5', '.5', 'café', 'X'.repeat(50), '(ADLs),', '"quoted."', '\u2019s', '—', '3-4'];
  const blanks = [' ', '  ', '\n', '\r\n   ', '\t', '\u00a0'];
  const next = random(42);
  let cutsAfterBlank = 0;
  for (let round = 0; round < 300; round++) {
    let text = '';
    const count = 1 + Math.floor(next() * 12);
    for (let n = 0; n < count; n++) text += pieces[Math.floor(next() * pieces.length)] + blanks[Math.floor(next() * blanks.length)];
    const start = Math.floor(next() * 3);
    const end = text.length - Math.floor(next() * 3);
    const cut = start + Math.floor(next() * Math.max(1, end - start));
    const whole = tokenRows(tokenList(text, { start, end }));
    const joined = tokenRows(tokensBefore(text, start, cut, tokenList(text, { start: cut, end })));
    // A cut inside a word falls back to tokenizing the whole range; either way the tokens are the same.
    assert.deepEqual(joined, whole, JSON.stringify({ text, start, cut, end }));
    if (/\s/.test(text[cut - 1] ?? '')) cutsAfterBlank++;
  }
  assert.ok(cutsAfterBlank > 50, `${cutsAfterBlank} cuts right after whitespace`);
});

test('words whose hashes collide keep their own ids and texts, folded or not', () => {
  // "dofhcu" and "jfjbgd" have the same FNV-1a hash, the word table's key: only the comparison of
  // their characters tells them apart. Found by brute force over six-letter words.
  const text = 'dofhcu jfjbgd Dofhcu JFJBGD jfjbgd dofhcu';
  const tokens = tokenList(text);
  const ids = Array.from({ length: tokens.length }, (_, index) => tokens.id(index));
  assert.deepEqual(
    Array.from({ length: tokens.length }, (_, index) => tokens.norm(index)),
    ['dofhcu', 'jfjbgd', 'dofhcu', 'jfjbgd', 'jfjbgd', 'dofhcu'],
  );
  assert.notEqual(ids[0], ids[1]);
  assert.deepEqual(ids, [ids[0], ids[1], ids[0], ids[1], ids[1], ids[0]]);
});

test('a list longer than a storage block moves to a fresh one, and lists built before and after it keep their tokens', () => {
  // Token rows are carved out of shared blocks of 65,536 integers (16,384 tokens); this list outgrows one.
  // It is also written in runs of 1,024 tokens, and some runs start with a comma written without a space before it.
  const before = tokenList('Before the long list.');
  const words = Array.from({ length: 20_000 }, (_, index) => (index % 3 === 0 ? `Word${index % 700}` : index % 3 === 1 ? `${index}` : ','));
  const spaced = (index: number): boolean => index > 0 && words[index] !== ',';
  const text = words.map((word, index) => (spaced(index) ? ` ${word}` : word)).join('');
  const long = tokenRows(tokenList(text));
  const after = tokenList('After it, (more)');
  assert.deepEqual(tokenRows(before).map((token) => token.norm), ['before', 'the', 'long', 'list', '.']);
  assert.equal(long.length, words.length);
  let offset = 0;
  long.forEach((token, index) => {
    const word = words[index]!;
    if (spaced(index)) offset++;
    assert.equal(token.start, offset);
    assert.equal(token.end, offset + word.length);
    assert.equal(token.norm, word.toLowerCase());
    assert.equal(token.kind, index % 3 === 0 ? 'word' : index % 3 === 1 ? 'number' : 'punct');
    assert.equal(token.spaceBefore, index === 0 || spaced(index));
    offset += word.length;
  });
  assert.deepEqual(tokenRows(after).map((token) => [token.norm, token.spaceBefore]), [['after', true], ['it', true], [',', false], ['(', true], ['more', false], [')', false]]);
});

test('a word too long for the word table keeps its own text, lower-cased', () => {
  const longWord = `Hydrocodone${'X'.repeat(40)}`;
  const accented = `Café${'é'.repeat(40)}`;
  const text = `${longWord} then ${accented} and ${longWord}`;
  const tokens = tokenList(text);
  assert.deepEqual(tokenRows(tokens).map((token) => token.norm), [longWord.toLowerCase(), 'then', accented.toLowerCase(), 'and', longWord.toLowerCase()]);
  // Unlisted words share the id 0, which nothing is cached under; listed ones have their own.
  assert.equal(tokens.id(0), 0);
  assert.equal(tokens.id(2), 0);
  assert.notEqual(tokens.id(1), 0);
});
