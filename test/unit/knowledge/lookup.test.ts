import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { builtinKnowledgeData, buildKnowledge, loadKnowledge, mergeKnowledgeData } from '../../../server/src/knowledge';
import { parsePageRange } from '../../../server/src/knowledge/pages';
import type { Citation } from '../../../server/src/letter/model';
import { letterDateToIso } from '../../../server/src/language/dates';

const kb = loadKnowledge();

function sectionId(guidelineId: string, name: string): string | null {
  return kb.findSection(guidelineId, name)?.section.id ?? null;
}

describe('guidelines', () => {
  test('the edition follows the cited year', () => {
    assert.equal(kb.findGuideline('Chronic Pain Medical Treatment', { year: 2009 })?.guideline.id, 'cpmtg-2009');
    assert.equal(kb.findGuideline('Chronic Pain Medical Treatment', { year: 2016 })?.guideline.id, 'cpmtg-2016');
    assert.equal(kb.findGuideline('Elbow Complaints', { year: 2007 })?.guideline.id, 'acoem-2007-elbow');
    assert.equal(kb.findGuideline('Opioid Treatment', { year: 2016 })?.guideline.id, 'otg-2016');
    assert.equal(kb.findGuideline('Forearm, Wrist, and Hand Complaints', { year: 2004 })?.guideline.id, 'acoem-2004-hand');
    assert.equal(kb.findGuideline('Acupuncture Treatment', { year: 2007 })?.guideline.id, 'acupuncture-2007');
    assert.equal(kb.findGuideline('Postsurgical Treatment', { year: 2009 })?.guideline.id, 'postsurgical-2009');
    assert.equal(kb.findGuideline('Stress Related Conditions', { year: 2004 })?.guideline.id, 'acoem-2004-stress');
  });

  test('without a year, page numbers mean the 2009 edition and a date picks the edition in force', () => {
    const byPages = kb.findGuideline('Chronic Pain Treatment Guidelines', { hasPages: true });
    assert.equal(byPages?.guideline.id, 'cpmtg-2009');
    assert.equal(byPages?.yearStatus, 'implied');
    assert.equal(kb.findGuideline('Chronic Pain Medical Treatment', { date: '2016-12-01' })?.guideline.id, 'cpmtg-2016');
    assert.equal(kb.findGuideline('Chronic Pain Medical Treatment', { date: '2015-03-01' })?.guideline.id, 'cpmtg-2009');
  });

  test('a year with no edition is reported as such', () => {
    const match = kb.findGuideline('Chronic Pain Medical Treatment', { year: 2012 });
    assert.equal(match?.yearStatus, 'no-such-edition');
    assert.equal(match?.guideline.id, 'cpmtg-2009');
  });

  test('Non-MTUS sources are recognised inside free-text references', () => {
    assert.equal(kb.findGuideline('Official Disability Guidelines (ODG)', { source: 'ODG' })?.guideline.id, 'odg');
    assert.equal(kb.findGuideline('Aspirin dosing, accessed from UpToDate.com on 1/2/2017', { source: 'other' })?.guideline.id, 'other-uptodate');
    assert.equal(kb.findGuideline('https://www.cms.gov/manuals/example.pdf', { source: 'other' })?.guideline.id, 'other-cms');
    assert.equal(kb.findGuideline('ACOEM Occupational Medicine Practice Guidelines, 3rd ed.', { source: 'ACOEM' })?.guideline.id, 'acoem-3rd');
    assert.equal(kb.findGuideline('A textbook nobody has heard of', { source: 'other' }), null);
  });

  test('guideline names are found in a line being typed, with the year after them', () => {
    const mentions = kb.findGuidelineMentions('Decision based on MTUS Low Back Complaints 2004, Section(s): ');
    assert.equal(mentions.length, 1);
    assert.equal(mentions[0].year, 2004);
    assert.ok(mentions[0].editions.some((g) => g.id === 'acoem-2004-low-back'));
  });

  test('suggestions for a misspelt guideline', () => {
    assert.equal(kb.suggestGuidelines('Low Bak Complaints')[0]?.entry.title, 'Low Back Complaints');
  });
});

describe('sections', () => {
  test('reviewers\' spellings resolve to the same section', () => {
    for (const name of ['Muscle relaxants (for pain)', 'Muscle relaxants', 'muscle relaxant', 'MUSCLE RELAXANTS FOR PAIN']) {
      assert.equal(sectionId('cpmtg-2009', name), 'cp09-muscle-relaxants', name);
    }
    for (const name of ['Antispasticity drugs', 'Antispasticity Drug Section', 'Tizanidine (Zanaflex)']) {
      assert.equal(sectionId('cpmtg-2009', name), 'cp09-antispasticity', name);
    }
    for (const name of ['Opioids, On-Going Management', 'Criteria for use of opioids', 'Opioids, criteria for use', 'opioids criteria for use', 'Ongoing management']) {
      assert.equal(sectionId('cpmtg-2009', name), 'cp09-opioids-criteria', name);
    }
    assert.equal(sectionId('cpmtg-2009', 'Gabapentin'), 'cp09-gabapentin');
    assert.equal(sectionId('cpmtg-2009', 'Benzodiazepines'), 'cp09-benzodiazepines');
    assert.equal(sectionId('cpmtg-2009', 'Epidural steroid injections (ESIs)'), 'cp09-esi');
    assert.equal(sectionId('cpmtg-2009', 'ESIs'), 'cp09-esi');
  });

  test('2016 topics, numbered opioid headings and ACOEM 2004 headings resolve', () => {
    assert.equal(sectionId('cpmtg-2016', 'Physical medicine treatment'), 'cp16-physical-medicine');
    assert.equal(sectionId('cpmtg-2016', 'Electrodiagnostic testing (EMG/NCS)'), 'cp16-emg-ncs');
    assert.equal(sectionId('cpmtg-2016', 'NSAIDs, GI symptoms & cardiovascular risk'), 'cp16-nsaids-gi');
    assert.equal(sectionId('cpmtg-2016', 'Proton Pump Inhibitors (PPIs)'), 'cp16-ppis');
    assert.equal(sectionId('otg-2016', '3.3.9 Opioids for Chronic Pain and Chronic Opioid Treatment: Maintenance of Chronic Opioid Treatment'), 'otg16-3-3-9');
    assert.equal(sectionId('otg-2016', '4.1 Tapering Opioids: Indications for Tapering Opioids'), 'otg16-4-1');
    assert.equal(sectionId('otg-2016', 'Maintenance of Chronic Opioid Treatment'), 'otg16-3-3-9');
    assert.equal(sectionId('acoem-2004-low-back', 'Special Studies'), 'acoem04-low-back-special-studies');
    assert.equal(sectionId('postsurgical-2009', 'Forearm, Wrist, & Hand'), 'pstg-hand');
    assert.equal(sectionId('acoem-2004-general', 'Cornerstones of Disability Prevention and Management'), 'acoem04-general-cornerstones');
  });

  test('a section missing from one edition is found in its sibling edition and marked so', () => {
    const match = kb.findSection('cpmtg-2009', 'Electrodiagnostic testing (EMG/NCS)');
    assert.equal(match?.section.id, 'cp16-emg-ncs');
    assert.equal(match?.kind, 'other-edition');
  });

  test('unknown names get fuzzy suggestions', () => {
    assert.equal(kb.findSection('acoem-2004-low-back', 'Inital Care'), null);
    const suggestions = kb.suggestSections('acoem-2004-low-back', 'Inital Care');
    assert.equal(suggestions[0]?.entry.id, 'acoem04-low-back-initial-care');
    assert.ok(suggestions[0].score > 0.75);
    assert.equal(kb.suggestSections('cpmtg-2009', 'Benzodiazapines')[0]?.entry.id, 'cp09-benzodiazepines');
  });

  test('sections by page, narrowest first', () => {
    assert.deepEqual(kb.sectionsAtPage('cpmtg-2009', 99).map((s) => s.id), ['cp09-physical-medicine']);
    assert.equal(kb.sectionsAtPage('cpmtg-2009', 66)[0].id, 'cp09-antispasticity');
    assert.equal(kb.sectionsAtPage('cpmtg-2009', 78)[0].id, 'cp09-opioids-criteria');
    assert.deepEqual(kb.sectionsAtPage('cpmtg-2009', 500), []);
  });

  test('a page fits a section through its own pages, other cited pages, parent or related sections', () => {
    const section = (id: string) => kb.section(id)!;
    assert.equal(kb.pageFitsSection(section('cp09-benzodiazepines'), { from: 24, to: 24 }), true);
    assert.equal(kb.pageFitsSection(section('cp09-benzodiazepines'), { from: 99, to: 99 }), false);
    assert.equal(kb.pageFitsSection(section('cp09-gabapentin'), { from: 49, to: 49 }), true);
    assert.equal(kb.pageFitsSection(section('cp09-antispasticity'), { from: 63, to: 63 }), true);
    assert.equal(kb.pageFitsSection(section('cp09-opioids'), { from: 78, to: 96 }), true);
  });

  test('Non-MTUS references name a chapter somewhere in their text', () => {
    assert.equal(kb.findOdgChapter('Low Back (Thoracic and Lumbar, Acute and Chronic) Chapter, Epidural Steroid Injection (ESI)')?.id, 'odg-low-back');
    assert.equal(kb.findOdgChapter('Head (trauma, headaches, etc., not including stress & mental disorders) Hearing aids')?.id, 'odg-head');
    assert.equal(kb.findOdgChapter('MRI shoulder')?.id, 'odg-shoulder');
    assert.equal(kb.findSectionMention('acoem-3rd', 'Hip and Groin Disorders, Diagnostic Testing, MRI')?.section.id, 'acoem3-hip');
  });
});

describe('citations', () => {
  const citation = (over: Partial<Citation>): Citation => ({
    source: 'MTUS', guideline: 'Chronic Pain Treatment', year: null, sections: ['Benzodiazepines'], pages: ['24'],
    span: { start: 0, end: 10 }, sectionSpans: [{ start: 0, end: 5 }], pageSpans: [{ start: 6, end: 8 }], ...over,
  });

  test('a page-style citation resolves its guideline, section and page', () => {
    const resolved = kb.resolveCitation(citation({}));
    assert.equal(resolved.guideline?.guideline.id, 'cpmtg-2009');
    assert.equal(resolved.sections[0].match?.section.id, 'cp09-benzodiazepines');
    assert.deepEqual(resolved.pages[0].range, { from: 24, to: 24 });
  });

  test('ODG citations resolve to their chapter; "none" resolves to nothing', () => {
    const odg = kb.resolveCitation(citation({ source: 'ODG', guideline: 'Official Disability Guidelines (ODG)', sections: ['Knee and Leg (Durable medical equipment (DME))'], pages: [], pageSpans: [] }));
    assert.equal(odg.guideline?.guideline.id, 'odg');
    assert.equal(odg.sections[0].odgChapter?.id, 'odg-knee');
    const none = kb.resolveCitation(citation({ source: 'none', guideline: null, sections: [], pages: [], sectionSpans: [], pageSpans: [] }));
    assert.equal(none.guideline, null);
  });
});

describe('drugs', () => {
  test('brand and generic names find the same entry', () => {
    assert.equal(kb.findDrug('Zanaflex')?.id, 'tizanidine');
    assert.equal(kb.findDrug('tizanidine')?.id, 'tizanidine');
    assert.equal(kb.findDrug('Norco')?.generic, 'hydrocodone/acetaminophen');
    assert.equal(kb.findDrug('hydrocodone/APAP')?.id, 'hydrocodone-apap');
    for (const [name, id] of [['Percocet', 'oxycodone-apap'], ['Neurontin', 'gabapentin'], ['Lyrica', 'pregabalin'], ['Klonopin', 'clonazepam'], ['Xanax', 'alprazolam'], ['Butrans', 'buprenorphine-patch'], ['Soma', 'carisoprodol'], ['Flexeril', 'cyclobenzaprine'], ['Lidoderm', 'lidoderm'], ['Motrin', 'ibuprofen'], ['Nuvigil', 'armodafinil']]) {
      assert.equal(kb.findDrug(name)?.id, id, name);
    }
    assert.equal(kb.findDrug('Physical therapy'), null);
  });

  test('classes, primary class first, and morphine equivalence factors', () => {
    const tizanidine = kb.drug('tizanidine')!;
    assert.equal(tizanidine.classes[0], 'muscle relaxant');
    assert.ok(tizanidine.classes.includes('antispasticity'));
    assert.ok(!tizanidine.classes.includes('opioid'));
    const norco = kb.findDrug('Norco')!;
    assert.ok(norco.classes.includes('opioid'));
    assert.equal(norco.mmeAgent, 'hydrocodone');
    assert.equal(kb.mme.factor(kb.findDrug('Percocet')!.mmeAgent!, 30)?.factor, 1.5);
    assert.equal(25 * kb.mme.factor(kb.findDrug('Duragesic')!.mmeAgent!, 25)!.factor, 60);
    assert.equal(tizanidine.mmeAgent, undefined);
    assert.ok(tizanidine.sections.includes('cp09-antispasticity'));
  });

  test('findDrugs reports every drug with its span, longest name first', () => {
    const text = 'Requested: Ultram ER 100mg, Tylenol #3, Voltaren Gel 1% and Flurbiprofen 20%/Baclofen 5% cream; Ice/Heat pads.';
    const found = kb.findDrugs(text, 100);
    assert.deepEqual(found.map((m) => [m.entry.id, text.slice(m.span.start - 100, m.span.end - 100)]), [
      ['tramadol', 'Ultram ER'], ['apap-codeine', 'Tylenol #3'], ['diclofenac-topical', 'Voltaren Gel'], ['flurbiprofen', 'Flurbiprofen'], ['baclofen', 'Baclofen'],
    ]);
    assert.equal(text.slice(found[0].span.start - 100, found[0].span.end - 100), 'Ultram ER');
  });

  test('findDrugs is linear: a long text takes no noticeable time', () => {
    const text = 'Norco 10/325mg and physical therapy '.repeat(20000);
    const started = performance.now();
    const found = kb.findDrugs(text);
    assert.equal(found.length, 20000);
    assert.ok(performance.now() - started < 2000);
  });

  test('drug names for completion start with the typed prefix', () => {
    const names = kb.drugNamesStartingWith('zan').map((d) => d.name);
    assert.ok(names.includes('Zanaflex'));
    assert.ok(names.every((name) => name.toLowerCase().startsWith('zan')));
  });
});

describe('terms, pages and dates', () => {
  test('"functional improvement" is found with its regulation', () => {
    const found = kb.findTerms('There was no objective Functional Improvement documented.');
    assert.equal(found[0]?.term.id, 'functional-improvement');
    assert.match(found[0].term.citation, /9792\.20/);
    assert.ok(kb.term('medical-necessity-order')?.details.some((d) => /MTUS/.test(d)));
    assert.ok(kb.term('mtus-presumption'));
  });

  test('page tokens', () => {
    assert.deepEqual(parsePageRange('78-96'), { from: 78, to: 96 });
    assert.deepEqual(parsePageRange(' 66 '), { from: 66, to: 66 });
    assert.deepEqual(parsePageRange('pg. 64'), { from: 64, to: 64 });
    assert.deepEqual(parsePageRange('78 \u2013 79'), { from: 78, to: 79 });
    assert.equal(parsePageRange('96-78'), null);
    assert.equal(parsePageRange('Section'), null);
  });

  test('letter dates', () => {
    assert.equal(letterDateToIso('12/09/2016'), '2016-12-09');
    assert.equal(letterDateToIso('1-5-17'), '2017-01-05');
    assert.equal(letterDateToIso('13/40/2016'), null);
    assert.equal(letterDateToIso('02/31/2016'), null, 'no such day');
    assert.equal(letterDateToIso('3-4-98'), '1998-03-04', 'two-digit years past the pivot are 19xx');
    assert.equal(letterDateToIso('November 04, 2016'), '2016-11-04');
    assert.equal(letterDateToIso('12/09/2016 (amended)'), null, 'only a whole value is a date');
    assert.equal(letterDateToIso(undefined), null);
  });
});

describe('layered knowledge', () => {
  test('an extra layer overrides by id and adds new entries; the built-in base is untouched', () => {
    const original = builtinKnowledgeData.sections.find((s) => s.id === 'cp09-benzodiazepines')!;
    const merged = mergeKnowledgeData(builtinKnowledgeData, {
      sections: [
        { ...original, summary: 'Organisation note on benzodiazepines.' },
        { ...original, id: 'org-benzo-taper', title: 'Benzodiazepine taper protocol', aliases: ['Benzo taper'], pages: [], pageConfidence: 'n/a', verified: false },
      ],
    });
    const custom = buildKnowledge(merged);
    assert.equal(custom.section('cp09-benzodiazepines')?.summary, 'Organisation note on benzodiazepines.');
    assert.equal(custom.findSection('cpmtg-2009', 'Benzo taper')?.section.id, 'org-benzo-taper');
    assert.notEqual(loadKnowledge().section('cp09-benzodiazepines')?.summary, 'Organisation note on benzodiazepines.');
  });
});
