import { before, describe, test } from 'node:test';
import { CORPUS, requireCorpus, skipWithoutCorpus } from '../../support/corpus';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar, type IGrammar, type StateStack } from 'vscode-textmate';

const root = process.cwd();
const grammarPath = join(root, 'syntaxes', 'imr.tmLanguage.json');
const wasmPath = join(root, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm');

interface ScopedToken {
  readonly text: string;
  readonly scopes: readonly string[];
}

let grammar: IGrammar;

async function loadGrammar(): Promise<IGrammar> {
  const wasm = readFileSync(wasmPath);
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName: string) =>
      scopeName === 'text.imr' ? parseRawGrammar(readFileSync(grammarPath, 'utf8'), grammarPath) : null,
  });
  const loaded = await registry.loadGrammar('text.imr');
  if (!loaded) throw new Error('text.imr grammar did not load');
  return loaded;
}

/** Tokenises consecutive lines, carrying the rule stack as an editor would. */
function tokenize(text: string): ScopedToken[][] {
  let state: StateStack = INITIAL;
  return text.split('\n').map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((token) => ({
      text: line.slice(token.startIndex, token.endIndex),
      scopes: token.scopes,
    }));
  });
}

/** The scopes of every token lying inside the first occurrence of `fragment` in a single line. */
function scopesOf(line: string, fragment: string): string[] {
  const start = line.indexOf(fragment);
  assert.ok(start >= 0, `test setup: "${fragment}" not in "${line}"`);
  const end = start + fragment.length;
  const [tokens] = tokenize(line);
  const scopes = new Set<string>();
  let offset = 0;
  for (const token of tokens!) {
    const tokenEnd = offset + token.text.length;
    if (tokenEnd > start && offset < end) token.scopes.forEach((scope) => scopes.add(scope));
    offset = tokenEnd;
  }
  return [...scopes];
}

/** Asserts that the fragment is covered by a scope starting with `prefix` (theme selectors match by prefix). */
function assertScoped(line: string, fragment: string, prefix: string): void {
  const scopes = scopesOf(line, fragment);
  assert.ok(
    scopes.some((scope) => scope === prefix || scope.startsWith(prefix + '.')),
    `"${fragment}" should be scoped ${prefix}, got ${JSON.stringify(scopes)}`,
  );
}

function assertNotScoped(line: string, fragment: string, prefix: string): void {
  const scopes = scopesOf(line, fragment);
  assert.ok(
    !scopes.some((scope) => scope === prefix || scope.startsWith(prefix + '.')),
    `"${fragment}" should not be scoped ${prefix}, got ${JSON.stringify(scopes)}`,
  );
}

function assertPlain(line: string, fragment: string): void {
  assert.deepEqual(scopesOf(line, fragment), ['text.imr'], `"${fragment}" should carry no scope of its own`);
}

before(async () => {
  grammar = await loadGrammar();
});

describe('IMR grammar: structure', () => {
  test('scopes the three section headings, indented or not, with trailing spaces', () => {
    assertScoped('                 HOW THE IMR FINAL DETERMINATION WAS MADE', 'HOW THE IMR', 'markup.heading');
    assertScoped('CLINICAL CASE SUMMARY ', 'CLINICAL CASE SUMMARY', 'markup.heading');
    assertScoped('\f    IMR ISSUES, DECISIONS AND RATIONALES', 'IMR ISSUES, DECISIONS', 'markup.heading');
  });

  test('a heading phrase inside a sentence is not a heading', () => {
    assertNotScoped(
      'The clinical case summary below was prepared by the reviewer.',
      'clinical case summary',
      'markup.heading',
    );
    assertNotScoped('See CLINICAL CASE SUMMARY above.', 'CLINICAL CASE SUMMARY', 'markup.heading');
  });

  test('scopes header labels in a layout table, including the split Application / Received label', () => {
    const lines = [
      'Case Number:          CM19-0104417',
      'Date Assigned:        03/02/2019                      Date of Injury:      06/21/2017',
      'Decision Date:        04/01/2019                      UR Denial Date:      02/11/2019',
      'Priority:             Standard                        Application          02/19/2019',
      '                                                      Received:',
    ];
    assertScoped(lines[0]!, 'Case Number', 'support.type.property-name.header');
    assertScoped(lines[0]!, 'CM19-0104417', 'variable.other.constant.case-number');
    assertScoped(lines[1]!, 'Date Assigned', 'support.type.property-name.header');
    assertScoped(lines[1]!, 'Date of Injury', 'support.type.property-name.header');
    assertScoped(lines[2]!, 'Decision Date', 'support.type.property-name.header');
    assertScoped(lines[2]!, 'UR Denial Date', 'support.type.property-name.header');
    assertScoped(lines[3]!, 'Priority', 'support.type.property-name.header');
    assertScoped(lines[3]!, 'Application', 'support.type.property-name.header');
    assertScoped(lines[4]!, 'Received', 'support.type.property-name.header');
    assertScoped('Application Received: 02/19/2019', 'Application Received', 'support.type.property-name.header');
  });

  test('the word Application in prose is not a header label', () => {
    assertNotScoped('Topical application of the cream was advised.', 'application', 'support.type.property-name');
    assertNotScoped('The Application was reviewed in full by the panel.', 'Application', 'support.type.property-name');
  });

  test('scopes the reviewer credential labels', () => {
    assertScoped('State(s) of Licensure: Oregon, California', 'State(s) of Licensure', 'support.type.property-name.credential');
    assertScoped('Certification(s)/Specialty: Physical Medicine & Rehabilitation', 'Certification(s)/Specialty', 'support.type.property-name.credential');
  });

  test('scopes the three item labels', () => {
    assertScoped('Claims Administrator guideline: Decision based on MTUS.', 'Claims Administrator guideline', 'keyword.other.label.guideline');
    assertScoped('MAXIMUS guideline: Decision based on MTUS.', 'MAXIMUS guideline', 'keyword.other.label.guideline');
    assertScoped('Decision rationale: The request is reasonable.', 'Decision rationale', 'keyword.other.label.rationale');
  });
});

describe('IMR grammar: decisions', () => {
  const upheld = 'Tizanidine 4mg #90 with two refills: Upheld';
  const overturned = 'Home exercise kit for the lumbar spine: Overturned';

  test('Upheld and Overturned get different, theme-coloured scopes', () => {
    assertScoped(upheld, 'Upheld', 'markup.deleted');
    assertNotScoped(upheld, 'Upheld', 'markup.inserted');
    assertScoped(overturned, 'Overturned', 'markup.inserted');
    assertNotScoped(overturned, 'Overturned', 'markup.deleted');
    assertScoped(upheld, 'Upheld', 'markup.deleted.decision.upheld');
    assertScoped(overturned, 'Overturned', 'markup.inserted.decision.overturned');
  });

  test('the item title is scoped and still shows its quantity and refills', () => {
    assertScoped(upheld, 'Tizanidine 4mg', 'markup.bold.item-title');
    assertScoped(upheld, '90', 'constant.numeric.quantity');
    assertScoped(upheld, 'two', 'constant.numeric.refill-count');
    assertScoped(overturned, 'Home exercise kit', 'markup.bold.item-title');
  });

  test('colons inside the item name stay in the title', () => {
    const line = 'Pre-operative labs: basic metabolic panel: Overturned';
    assertScoped(line, 'Pre-operative labs: basic metabolic panel', 'markup.bold.item-title');
    assertScoped(line, 'Overturned', 'markup.inserted.decision');
  });

  test('trailing whitespace and a partial authorization line still read as decisions', () => {
    assertScoped('Acupuncture, six sessions: Upheld   ', 'Upheld', 'markup.deleted.decision');
    const partial =
      'Physical therapy x12 was the original request. Physical therapy x6 was authorized by the Claims Administrator. The remaining IMR eligible portion of the original request, physical therapy x6 is: Upheld';
    assertScoped(partial, 'Upheld', 'markup.deleted.decision');
  });

  test('a decision word wrapped onto its own line is still a decision', () => {
    const lines = tokenize('Aquatic therapy twice a week for four weeks for the lumbar spine and both knees:\nOverturned');
    const scopes = lines[1]!.flatMap((token) => token.scopes);
    assert.ok(scopes.some((scope) => scope.startsWith('markup.inserted.decision.overturned')), JSON.stringify(scopes));
    assertPlain('upheld', 'upheld');
  });

  test('a rationale line ending in ": Recommended" is not a decision', () => {
    const line = 'The guideline entry for ice and heat packs reads: Recommended';
    const scopes = scopesOf(line, 'Recommended');
    assert.ok(
      !scopes.some((scope) => scope.includes('decision') || scope.startsWith('markup.') || scope.startsWith('invalid')),
      `"Recommended" got ${JSON.stringify(scopes)}`,
    );
    assertNotScoped(line, 'The guideline entry', 'markup.bold.item-title');
  });

  test('a misspelt decision is marked invalid, not as either decision', () => {
    for (const [line, word] of [
      ['Cyclobenzaprine 7.5mg #60: Uphold', 'Uphold'],
      ['Lumbar MRI without contrast: Over turned', 'Over turned'],
      ['Gabapentin 300mg #90: Overturn', 'Overturn'],
    ] as const) {
      assertScoped(line, word, 'invalid.illegal.decision');
      assertNotScoped(line, word, 'markup.deleted');
      assertNotScoped(line, word, 'markup.inserted');
    }
  });

  test('a decision word in the middle of a sentence is not a decision', () => {
    assertPlain('The prior denial was upheld on appeal in March.', 'upheld');
  });
});

describe('IMR grammar: citations and values', () => {
  test('scopes Section(s) citations and their value', () => {
    const line = 'MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2009, Section(s): Opioids, criteria for use.';
    assertScoped(line, 'Section(s)', 'keyword.other.citation.sections');
    assertScoped(line, 'Opioids, criteria for use.', 'entity.name.function.citation.sections');
    assertScoped(line, 'MTUS', 'support.class.guideline');
    assertScoped(line, 'MAXIMUS guideline', 'keyword.other.label.guideline.maximus');
  });

  test('a Section(s) value stops where a Page(s) citation on the same line begins', () => {
    const line = 'Section(s): Opioids, criteria for use, Page(s): 76-80.';
    assertScoped(line, 'Opioids, criteria for use', 'entity.name.function.citation.sections');
    assertNotScoped(line, 'Page(s)', 'entity.name.function');
    assertScoped(line, 'Page(s)', 'keyword.other.citation.pages');
    assertScoped(line, '76-80', 'constant.numeric.citation.pages');
  });

  test('scopes Page(s) citations and their page numbers', () => {
    const line = 'Decision based on MTUS Chronic Pain Treatment Guidelines Opioids Page(s): 74-96, 124.';
    assertScoped(line, 'Page(s)', 'keyword.other.citation.pages');
    assertScoped(line, '74-96, 124', 'constant.numeric.citation.pages');
    assertNotScoped(line, '.', 'constant.numeric');
  });

  test('scopes MTUS, ODG and ACOEM names', () => {
    const line = 'Per CA MTUS/ACOEM and the Non-MTUS Official Disability Guidelines (ODG), imaging is indicated.';
    assertScoped(line, 'MTUS/', 'support.class.guideline');
    assertScoped(line, 'ACOEM', 'support.class.guideline');
    assertScoped(line, 'Non-MTUS', 'support.class.guideline');
    assertScoped(line, 'Official Disability Guidelines', 'support.class.guideline');
    assertScoped(line, 'ODG', 'support.class.guideline');
    assertPlain('The methods used were odd.', 'odd');
  });

  test('scopes dates in slash, dash, two- and four-digit forms', () => {
    const line = 'Seen on 02/14/2019, again on 3-7-19, 11-30-2018 and 4/2/18; decided January 9, 2019.';
    for (const date of ['02/14/2019', '3-7-19', '11-30-2018', '4/2/18', 'January 9, 2019']) {
      assertScoped(line, date, 'constant.numeric.date');
    }
  });

  test('pain scores, page ranges and strengths are not dates', () => {
    const line = 'Pain was 7-9/10 on a 0-10 scale; Norco 10/325mg; pages 78-96 apply.';
    for (const fragment of ['7-9/10', '0-10', '10/325', '78-96']) {
      assertNotScoped(line, fragment, 'constant.numeric.date');
    }
  });

  test('scopes quantities', () => {
    const line = 'Hydrocodone/APAP 10/325mg #120 and Ibuprofen 800mg # 90 were requested.';
    assertScoped(line, '#120', 'meta.quantity');
    assertScoped(line, '120', 'constant.numeric.quantity');
    assertScoped(line, '90', 'constant.numeric.quantity');
    assertNotScoped(line, '800', 'constant.numeric.quantity');
  });

  test('scopes refill phrases in words and digits, and refills without a count', () => {
    const line = 'Requested with three refills, then 2 refills, then one refill, and refills x 4.';
    assertScoped(line, 'with three refills', 'meta.refills');
    assertScoped(line, 'three', 'constant.numeric.refill-count');
    assertScoped(line, '2 refills', 'meta.refills');
    assertScoped(line, 'one refill', 'meta.refills');
    assertScoped(line, 'refills x 4', 'meta.refills');
    assertScoped('The request included refills.', 'refills', 'meta.refills.uncounted');
    assertNotScoped('The request included refills.', 'refills', 'constant.numeric');
  });

  test('scopes the two conclusions so that they mirror the decision colours', () => {
    const notNecessary = 'Therefore the request is not medically necessary.';
    assertScoped(notNecessary, 'not medically necessary', 'markup.deleted.conclusion');
    assertNotScoped(notNecessary, 'medically necessary', 'markup.inserted');
    const necessary = 'The request is therefore medically necessary.';
    assertScoped(necessary, 'medically necessary', 'markup.inserted.conclusion');
  });
});

describe('IMR grammar: whole letters', () => {
  const corpus = CORPUS;

  test('every disputed item in the real-layout letters gets exactly one decision scope, matching gold', { skip: skipWithoutCorpus }, () => {
    requireCorpus();
    const gold = JSON.parse(readFileSync(join(corpus, 'gold-dev.json'), 'utf8')) as Array<{
      id: string;
      items: Array<{ decision: string }>;
    }>;
    let letters = 0;
    let items = 0;
    for (const letter of gold) {
      const path = join(corpus, 'real-layout', `${letter.id}.txt`);
      if (!existsSync(path)) continue;
      const decisions: string[] = [];
      for (const line of tokenize(readFileSync(path, 'utf8').replace(/\r/g, ''))) {
        for (const token of line) {
          const scope = token.scopes.at(-1)!;
          if (scope.startsWith('markup.deleted.decision')) decisions.push('Upheld');
          else if (scope.startsWith('markup.inserted.decision')) decisions.push('Overturned');
          assert.ok(!scope.startsWith('invalid'), `${letter.id}: unexpected ${scope}`);
        }
      }
      assert.deepEqual(decisions, letter.items.map((item) => item.decision), letter.id);
      letters += 1;
      items += decisions.length;
    }
    assert.ok(letters > 0, 'no real-layout letter found');
    console.log(`grammar: ${items} decisions scoped in ${letters} real-layout letters, all matching gold`);
  });

  test('tokenises a short draft line by line with the expected scopes per line', () => {
    const draft = [
      'Case Number: CM20-0001234',
      'HOW THE IMR FINAL DETERMINATION WAS MADE',
      'IMR ISSUES, DECISIONS AND RATIONALES',
      'Baclofen 10mg #30: Overturned',
      'Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment 2009.',
      'MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2009, Section(s): Muscle relaxants (for pain).',
      'Decision rationale: A brief course after the flare on 05/03/2019 is supported, so the request is medically necessary.',
    ].join('\r\n');
    const lines = tokenize(draft.replace(/\r/g, ''));
    const flat = (index: number) => lines[index]!.flatMap((token) => token.scopes);
    assert.ok(flat(0).some((scope) => scope.startsWith('support.type.property-name.header')));
    assert.ok(flat(1).some((scope) => scope.startsWith('markup.heading')));
    assert.ok(flat(2).some((scope) => scope.startsWith('markup.heading')));
    assert.ok(flat(3).some((scope) => scope.startsWith('markup.inserted.decision')));
    assert.ok(flat(4).some((scope) => scope.startsWith('keyword.other.label.guideline')));
    assert.ok(flat(5).some((scope) => scope.startsWith('entity.name.function.citation.sections')));
    assert.ok(flat(6).some((scope) => scope.startsWith('constant.numeric.date')));
    assert.ok(flat(6).some((scope) => scope.startsWith('markup.inserted.conclusion')));
  });

  test('a very long line with many colons tokenises quickly', () => {
    const line = 'a: '.repeat(20_000) + 'Recommended';
    const started = performance.now();
    tokenize(line);
    const elapsed = performance.now() - started;
    assert.ok(elapsed < 2000, `took ${elapsed.toFixed(0)} ms`);
  });
});
