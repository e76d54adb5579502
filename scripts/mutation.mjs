// A small mutation tester for the analysis core: applies each mutation below to its file, builds,
// runs the unit tests that cover rules, facts, the toolkit and the parser, and reports whether any
// test failed ("killed") or all passed ("survived"). The source is restored after every mutant,
// and on Ctrl-C. Not part of npm test: it takes a few minutes. Run: npm run mutation
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

/** [file, what it does, text to find (exactly once), replacement]. */
const MUTATIONS = [
  ['server/src/rules/duration-of-use.ts', 'duration-of-use ignores whether prior use is shown', "|| facts.priorUse === null) return;", ') return;'],
  ['server/src/rules/quantity.ts', 'quantity reads a concentration\'s "/1 ml" as a quantity', "if (!tokens.is(at - 1, '/')) return true;", 'return true;'],
  ['server/src/rules/quantity.ts', 'quantity ignores "no quantity was given" in the rationale', 'if (UNKNOWN_QUANTITY.occursIn(facts.rationale.tokens)) return;', ''],
  ['server/src/language/negation.ts', 'negation loses the trigger "insufficient"', "'insufficient', ", ''],
  ['server/src/rules/functional-improvement.ts', 'functional-improvement drops NSAIDs', "'anti-epileptic', 'nsaid', 'topical'", "'anti-epileptic', 'topical'"],
  ['server/src/rules/functional-improvement.ts', 'a negated mention of function counts as positive evidence', '    if (passage.isNegated(mention.span)) continue;\n', ''],
  ['server/src/rules/functional-improvement.ts', 'functional-improvement counts guideline sentences', 'const mentions = workerFunctionMentions(facts.rationale);', 'const mentions = passageFunctionMentions(facts.rationale);'],
  ['server/src/language/negation.ts', 'a forward negation scope reaches one word further', 'while (end < sentence.endToken && words < maxWords) {', 'while (end < sentence.endToken && words <= maxWords) {'],
  ['server/src/letter/items.ts', 'a wrapped title may take one line more', 'if (taken >= limit) break;', 'if (taken > limit) break;'],
  ['server/src/letter/items.ts', 'a title line ending in "DOS:" ends the title', '(endsSentence(content) && !labelBeforeDate(content, text, lines[start]!))', 'endsSentence(content)'],
  ['server/src/letter/decision.ts', 'the review word "modified" is forgotten', "  'modified',\n", ''],
  ['server/src/facts/clinical-terms.ts', 'every sentence not quoting a guideline is about the worker', "return hasWorkerCue(tokens, sentence) ? 'worker' : 'guideline';", "return 'worker';"],
  ['server/src/facts/clinical-terms.ts', 'organ function counts as function', ".filter((match) => match.value === 'function')", ''],
  ['server/src/facts/opioid-coverage.ts', 'guideline text covers an A', "sentenceKind(passage, sentence) !== 'worker'", "sentenceKind(passage, sentence) === 'disclaimer'"],
  ['server/src/rules/refill-count.ts', 'the concluding restatement addresses refills', 'if (conclusion && mention.span.start >= conclusion.start && mention.span.start < conclusion.end) return false;', ''],
  ['server/src/rules/decision-conclusion.ts', 'an inferred contradiction is an error', "severity: conclusion.certain ? undefined : 'hint',", ''],
  ['server/src/facts/conclusion.ts', 'doubt before the verdict is ignored', ' && !DOUBT.test(sentence.slice(0, last.index))', ''],
  ['server/src/language/doses.ts', 'a strength needs no unit', 'if (unit === null && unitRequired) return null;', ''],
  ['server/src/language/doses.ts', 'a strength is not read past "/hr"', "if (unit !== null && at + 1 < to && tokens.is(at, '/') && PER_UNITS.has(tokens.norm(at + 1))) at += 2;", ''],
  ['server/src/language/numbers.ts', '"three" is read as 4', "export const CARDINAL_WORDS: readonly string[] = ['one', 'two', 'three',", "export const CARDINAL_WORDS: readonly string[] = ['one', 'two', 'two',"],
  ['server/src/language/phrase-matcher.ts', 'names mode stops at punctuation', 'if (this.options.names) while (at < limit && tokens.isPunct(at)) at++;', 'if (this.options.names) {}'],
  ['server/src/language/sentences.ts', '"Dr." ends a sentence', "new Set(['dr', 'mr',", "new Set(['mr',"],
  ['server/src/facts/item-facts.ts', 'a trial is continued use', "'initial', 'trial', ", "'initial', "],
  ['server/src/facts/item-facts.ts', 'near prior-use cues reach one token less', 'const NEAR_WINDOW = 3;', 'const NEAR_WINDOW = 2;'],
  ['server/src/language/doses.ts', 'a count after the refill word may be "a"', "norm !== 'a' && norm !== 'an' && norm !== 'no'", "norm !== 'an' && norm !== 'no'"],
  ['server/src/facts/item-facts.ts', 'a refill of the prescription is not prior use', '        findRefillOfExisting(this.rationale) ??\n', ''],
  ['server/src/knowledge/normalise.ts', 'a word hyphenated across a line stays two words', ".replace(/([a-z])[-\\u2010\\u2011] (?=[a-z])/g, '$1')", ''],
  ['server/src/facts/item-facts.ts', 'a rationale calling the request new is ignored', '    if ((this.isMedication || this.therapy) && findNewRequest(this.rationale, this.generics, this.facts.drugs)) return null;\n', ''],
  ['server/src/facts/item-facts.ts', 'another drug\'s trial makes this request new', '      if (!generics.has(nearest.generic)) continue;\n', ''],
  ['server/src/facts/item-facts.ts', '"prescribed on" the request date is history', "if (requestFrom === null || tokens.norm(cueEnd - 1) !== 'prescribed') return false;", 'return false;'],
  ['server/src/facts/duration.ts', 'a duration nearer another drug dates this one', ' && others.every((other) => tokenGap(other, candidate) >= tokenGap(anchor, candidate))', ''],
  ['server/src/language/tokens.ts', 'two words of one hash and length are one word', 'while (offset < length && word.charCodeAt(offset) === text.charCodeAt(start + offset)) offset++;', 'offset = length;'],
  ['server/src/language/tokens.ts', 'a list that outgrows its block loses its last copied row', 'block.set(this.data.subarray(this.base, this.base + used));', 'block.set(this.data.subarray(this.base, this.base + used - STRIDE));'],
  ['server/src/language/tokens.ts', 'each run of tokens starts as if after whitespace', '      this.reserve(RUN_TOKENS);\n', '      this.reserve(RUN_TOKENS);\n      sawSpace = true;\n'],
  ['server/src/language/tokens.ts', 'a word too long for the word table loses its text', '            if (id === UNLISTED_WORD) norm = foldedSlice(text, start, index);\n', ''],
  ['server/src/language/tokens.ts', 'tokens before a cut inside a word are joined as if at whitespace', ' || classify(text.charCodeAt(suffixStart - 1)) !== SPACE) return tokenList', ') return tokenList'],
  ['server/src/facts/conclusion.ts', 'the cut first sentence of a rationale\'s end is judged alone', '    if (n === 0 && cut) return null;\n', ''],
  ['server/src/rules/unknown-drug.ts', 'unknown-drug also reports known drugs', ' || facts.drugs.length > 0) return;', ') return;'],
  ['server/src/rules/citation-unknown.ts', 'citation-unknown reports sections of unknown guidelines too', "if (citation.source !== 'MTUS') continue;", ''],
  // The clinical checks (issue 14) and the facts they read.
  ['server/src/rules/opioid-dose.ts', 'opioid-dose fires only above the threshold, not at it', 'if (!threshold || total < threshold.value) return [];', 'if (!threshold || total <= threshold.value) return [];'],
  ['server/src/rules/opioid-dose.ts', 'opioid-dose also asks Upheld items to discuss the dose', "if (!doses[index] || item.decision?.decision !== 'Overturned' || !item.rationale) return;", 'if (!doses[index] || !item.rationale) return;'],
  ['server/src/rules/opioid-dose.ts', 'guideline text about the dose counts as discussing it', 'return saysOfWorker(context.facts.item(index).rationale, DOSE_TERMS);', 'return DOSE_TERMS.occursIn(context.facts.item(index).rationale.tokens);'],
  ['server/src/rules/opioid-benzodiazepine.ts', 'the standard disclaimer addresses the opioid-benzodiazepine combination', "return kind !== undefined && kind !== 'disclaimer';", 'return true;'],
  ['server/src/rules/therapy-visits.ts', 'a course exactly at the visit cap is over it', 'visits.total <= cap.visits', 'visits.total < cap.visits'],
  ['server/src/rules/therapy-visits.ts', 'a negated functional gain justifies more visits', 'workerFunctionMentions(rationale).some((mention) => !rationale.isNegated(mention.span))', 'workerFunctionMentions(rationale).length > 0'],
  ['server/src/knowledge/visit-caps.ts', 'the statutory 24 visits also caps post-surgical courses', ' && !(cap.notAfterSurgery && course.postsurgical)', ''],
  ['server/src/rules/partial-scope.ts', 'partial-scope reads the remaining count in the standard disclaimer', "    if (kind === 'disclaimer') continue;\n", ''],
  ['server/src/rules/case-specific-reasoning.ts', 'the concluding restatement counts as a reason', 'sentence.span.start !== conclusion?.span.start || ', 'true || '],
  ['server/src/rules/guideline-fit.ts', 'a topical-analgesic section fits a drug taken by mouth only when it is topical too', "if (facts.isMedication && !facts.classes.has('topical'))", 'if (facts.isMedication)'],
  ['server/src/rules/letter-consistency.ts', 'a month-year date must match the header\'s day', '  if (date.day === null) return date.year === header.year && date.month === header.month;\n', ''],
  ['server/src/rules/letter-consistency.ts', 'a request list of one thing leaves items out', '    if (parts < 2) continue;\n', ''],
];

const TESTS = ['test/unit/rules', 'test/unit/facts', 'test/unit/language', 'test/unit/letter', 'test/unit/knowledge', 'test/unit/corpus'];
const originals = new Map();
const restore = () => { for (const [file, text] of originals) writeFileSync(file, text); };
process.on('SIGINT', () => { restore(); process.exit(130); });

const only = process.argv[2] ? new RegExp(process.argv[2], 'i') : null;
const results = [];
for (const [file, what, find, replace] of MUTATIONS) {
  if (only && !only.test(what) && !only.test(file)) continue;
  const original = originals.get(file) ?? readFileSync(file, 'utf8');
  originals.set(file, original);
  const count = original.split(find).length - 1;
  if (count !== 1) {
    results.push({ file, what, verdict: `NOT APPLIED (found ${count} times)` });
    continue;
  }
  writeFileSync(file, original.replace(find, replace));
  try {
    execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'ignore' });
    const run = spawnSync(process.execPath, ['scripts/run-tests.mjs', ...TESTS], { encoding: 'utf8', maxBuffer: 1 << 28 });
    const failed = /ℹ fail (\d+)/.exec(run.stdout)?.[1];
    results.push({ file, what, verdict: run.status !== 0 ? `killed (${failed ?? '?'} failing)` : 'SURVIVED' });
  } finally {
    writeFileSync(file, original);
  }
  console.log(`${results.at(-1).verdict.padEnd(22)} ${what} (${file.replace('server/src/', '')})`);
}
restore();
execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'ignore' });
const applied = results.filter((r) => !r.verdict.startsWith('NOT APPLIED'));
const killed = applied.filter((r) => r.verdict.startsWith('killed')).length;
for (const r of results.filter((r) => r.verdict.startsWith('NOT APPLIED'))) console.log(`${r.verdict} ${r.what} (${r.file})`);
console.log(`mutation score: ${killed}/${applied.length} killed (${applied.length ? Math.round((100 * killed) / applied.length) : 0}%)`);
if (results.some((r) => r.verdict.startsWith('NOT APPLIED'))) process.exitCode = 1;
