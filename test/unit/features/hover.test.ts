import { analyze } from '../../../server/src/engine/analyze';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { hoverAt } from '../../../server/src/features/hover';
import { loadKnowledge } from '../../../server/src/knowledge';
import type { Citation, Item, Letter } from '../../../server/src/letter/model';
import { parseLetter } from '../../../server/src/letter/parse';
import { makeLetter } from '../../support/letters';

const kb = loadKnowledge();

/** Offset of the `nth` occurrence of `needle`, plus `delta`. */
function at(text: string, needle: string, delta = 1, nth = 1): number {
  let index = -1;
  for (let i = 0; i < nth; i++) index = text.indexOf(needle, index + 1);
  assert.ok(index >= 0, `"${needle}" not in the letter`);
  return index + delta;
}

describe('hover on a parsed letter', () => {
  const text = makeLetter({
    items: [
      {
        title: 'Klonopin 0.5mg #30',
        decision: 'Upheld',
        claims: 'Decision based on MTUS Chronic Pain Medical Treatment 2009, Section(s): Benzodiazepines.',
        maximus: 'Decision based on MTUS Chronic Pain Treatment Guidelines Benzodiazepines Page(s): 99.',
        rationale: 'Benzodiazepines are not advised beyond four weeks. There is no functional improvement documented with Klonopin. The request is not medically necessary.',
      },
      {
        title: 'Zanaflex 4mg #90',
        decision: 'Overturned',
        maximus: 'Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Muscle relaxants (for pain), Antispasticity drugs.',
      },
      {
        title: 'Biofeedback sessions #6',
        decision: 'Upheld',
        maximus: 'Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Biofeedback, Behavioral interventions.',
      },
      {
        title: 'Soma 350mg #30',
        decision: 'Upheld',
        maximus: 'Decision based on MTUS Chronic Pain Treatment Guidelines Muscle relaxants Page(s): 63.',
      },
    ],
  });
  const letter = parseLetter(text);

  test('a cited section name shows the section with guideline, pages and criteria', () => {
    const hover = hoverAt(letter, at(text, 'Benzodiazepines Page(s)', 3), kb)!;
    assert.ok(hover);
    assert.equal(text.slice(hover.span.start, hover.span.end), 'Benzodiazepines');
    assert.deepEqual(hover.entry, { kind: 'section', id: 'cp09-benzodiazepines' });
    assert.match(hover.markdown, /^\*\*Benzodiazepines\*\*/);
    assert.match(hover.markdown, /Chronic Pain Medical Treatment Guidelines \(2009\)/);
    assert.match(hover.markdown, /p\. 24/);
    assert.match(hover.markdown, /Key criteria/);
  });

  test('a cited page says which section it belongs to and that it is outside the cited one', () => {
    const hover = hoverAt(letter, at(text, 'Page(s): 99', 10), kb)!;
    assert.equal(text.slice(hover.span.start, hover.span.end), '99');
    assert.match(hover.markdown, /\*\*Page 99\*\*/);
    assert.match(hover.markdown, /Belongs to:[\s\S]*Physical Medicine/);
    assert.match(hover.markdown, /Outside the cited section Benzodiazepines/);
    assert.match(hover.markdown, /page not verified/);
  });

  test('an unverified page range is flagged in the hover', () => {
    const hover = hoverAt(letter, at(text, 'Muscle relaxants Page(s)', 2), kb)!;
    assert.deepEqual(hover.entry, { kind: 'section', id: 'cp09-muscle-relaxants' });
    assert.match(hover.markdown, /pp\. 63-66 \u00b7 \u26a0 page not verified \(confidence: high\)/);
  });

  test('2016 topics resolve by alias; one without its own criteria shows the 2009 criteria, labelled', () => {
    const relaxants = hoverAt(letter, at(text, 'Muscle relaxants (for pain)', 2), kb)!;
    assert.deepEqual(relaxants.entry, { kind: 'section', id: 'cp16-muscle-relaxants' });
    assert.match(relaxants.markdown, /2016 update/);
    const antispasticity = hoverAt(letter, at(text, 'Antispasticity drugs', 2), kb)!;
    assert.deepEqual(antispasticity.entry, { kind: 'section', id: 'cp16-muscle-relaxants' });
    const biofeedback = hoverAt(letter, at(text, 'Biofeedback,', 2), kb)!;
    assert.deepEqual(biofeedback.entry, { kind: 'section', id: 'cp16-biofeedback' });
    assert.match(biofeedback.markdown, /Key criteria in the MTUS Chronic Pain Medical Treatment Guidelines \(2009\)\*\* \(this edition may differ\)/);
  });

  test('a drug name anywhere in the letter', () => {
    const inTitle = hoverAt(letter, at(text, 'Zanaflex 4mg', 2), kb)!;
    assert.deepEqual(inTitle.entry, { kind: 'drug', id: 'tizanidine' });
    assert.match(inTitle.markdown, /\*\*Zanaflex\*\* = tizanidine/);
    assert.match(inTitle.markdown, /muscle relaxant, antispasticity/);
    assert.match(inTitle.markdown, /Antispasticity drugs/);
    const inRationale = hoverAt(letter, at(text, 'with Klonopin', 7), kb)!;
    assert.deepEqual(inRationale.entry, { kind: 'drug', id: 'clonazepam' });
    assert.equal(text.slice(inRationale.span.start, inRationale.span.end), 'Klonopin');
  });

  test('an opioid hover shows its morphine-equivalent factor', () => {
    const opioidText = makeLetter({ items: [{ title: 'Percocet 10/325mg #100', decision: 'Upheld' }] });
    const hover = hoverAt(parseLetter(opioidText), at(opioidText, 'Percocet'), kb)!;
    assert.match(hover.markdown, /\*\*Morphine equivalent\*\*\n\n- CDC 2016 conversion factors: \u00d71\.5 per mg\n- CDC 2022 conversion factors: \u00d71\.5 per mg/);
    assert.match(hover.markdown, /_Conversion factors not verified against the published CDC tables\._/);
  });

  test("an opioid in an item's title shows that request's daily MME, or what the line lacks", () => {
    const text = makeLetter({ items: [{ title: 'Percocet 10/325mg one tablet every 6 hours #120' }, { title: 'Norco 10/325mg #90' }] });
    const letter = parseLetter(text);
    const { doses } = analyze(text, { knowledge: kb });
    const computed = hoverAt(letter, at(text, 'Percocet'), kb, doses)!;
    assert.match(computed.markdown, /\*\*This request: \u2248 60 MME\/day\*\* \(10 mg \u00d7 1 \u00d7 4\/day \u00d7 1\.5; CDC 2016 conversion factors, factors not verified\)/);
    const lacking = hoverAt(letter, at(text, 'Norco'), kb, doses)!;
    assert.match(lacking.markdown, /\*\*This request:\*\* no daily MME \u2014 the item gives no frequency/);
    // Without the analysis (or outside a title) the hover is the dictionary's alone.
    assert.doesNotMatch(hoverAt(letter, at(text, 'Norco'), kb)!.markdown, /This request/);
  });

  test('a decision word', () => {
    const upheld = hoverAt(letter, at(text, ': Upheld', 3), kb)!;
    assert.deepEqual(upheld.entry, { kind: 'term', id: 'upheld' });
    assert.equal(text.slice(upheld.span.start, upheld.span.end), 'Upheld');
    const overturned = hoverAt(letter, at(text, ': Overturned', 4), kb)!;
    assert.match(overturned.markdown, /medically necessary/);
  });

  test('"functional improvement" shows the regulation', () => {
    const hover = hoverAt(letter, at(text, 'functional improvement documented', 3), kb)!;
    assert.deepEqual(hover.entry, { kind: 'term', id: 'functional-improvement' });
    assert.match(hover.markdown, /9792\.20/);
  });

  test('the guideline name in a citation, and names on the Claims Administrator line', () => {
    const guideline = hoverAt(letter, at(text, 'Chronic Pain Treatment Guidelines', 4), kb)!;
    assert.deepEqual(guideline.entry, { kind: 'guideline', id: 'cpmtg-2009' });
    assert.match(guideline.markdown, /Replaced by/);
    const claims = hoverAt(letter, at(text, 'Section(s): Benzodiazepines.', 15), kb)!;
    assert.deepEqual(claims.entry, { kind: 'section', id: 'cp09-benzodiazepines' });
  });

  test('a Non-MTUS ODG citation shows its chapter', () => {
    const odgText = makeLetter({ items: [{ title: 'MRI of the right knee', decision: 'Upheld', maximus: 'Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Knee & Leg, MRI.' }] });
    const hover = hoverAt(parseLetter(odgText), at(odgText, 'Knee & Leg', 2), kb)!;
    assert.deepEqual(hover.entry, { kind: 'odg', id: 'odg-knee' });
    assert.match(hover.markdown, /Non-MTUS source/);
  });

  test('plain prose gives no hover', () => {
    assert.equal(hoverAt(letter, at(text, 'warehouse clerk', 3), kb), null);
    assert.equal(hoverAt(letter, text.length, kb), null);
  });
});

describe('hover on a hand-built letter (no parser involved)', () => {
  const text = 'Norco 10/325mg #60: Upheld\nMAXIMUS guideline: Decision based on MTUS Low Back Complaints 2004, Section(s): Inital Care.\n';
  const sectionStart = text.indexOf('Inital Care');
  const citation: Citation = {
    source: 'MTUS', guideline: 'Low Back Complaints', year: 2004, sections: ['Inital Care'], pages: [],
    span: { start: text.indexOf('Low Back'), end: text.lastIndexOf('.') },
    sectionSpans: [{ start: sectionStart, end: sectionStart + 'Inital Care'.length }], pageSpans: [],
  };
  const item: Item = {
    title: 'Norco 10/325mg #60', titleSpan: { start: 0, end: 18 },
    decision: { text: 'Upheld', decision: 'Upheld', span: { start: 20, end: 26 } },
    medication: null, quantity: 60, refills: null, partial: null, claimsAdministratorGuideline: null,
    maximusGuideline: { text: text.slice(46, text.length - 1), label: { start: 27, end: 45 }, span: { start: 27, end: text.length - 1 }, textSpan: { start: 46, end: text.length - 1 } },
    citations: [citation], rationale: null, span: { start: 0, end: text.length - 1 },
  };
  const letter: Letter = { text, header: {}, sections: [], credentials: null, items: [item], looksLikeLetter: true };

  test('an unknown section name suggests the closest one', () => {
    const hover = hoverAt(letter, sectionStart + 2, kb)!;
    assert.equal(hover.entry, undefined);
    assert.match(hover.markdown, /Not a section the knowledge base knows in MTUS Low Back Complaints/);
    assert.match(hover.markdown, /Did you mean: \*\*Initial Care\*\*/);
  });

  test('the guideline name of the citation', () => {
    const hover = hoverAt(letter, text.indexOf('Low Back') + 1, kb)!;
    assert.deepEqual(hover.entry, { kind: 'guideline', id: 'acoem-2004-low-back' });
    assert.match(hover.markdown, /8 CCR 9792\.23\.5/);
  });

  test('a drug in the item title', () => {
    const hover = hoverAt(letter, 2, kb)!;
    assert.deepEqual(hover.entry, { kind: 'drug', id: 'hydrocodone-apap' });
  });
});
