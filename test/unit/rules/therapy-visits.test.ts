import assert from 'node:assert/strict';
import { test } from 'node:test';
import { therapyVisits } from '../../../server/src/rules/therapy-visits';
import { check } from '../../support/run-rule';
import { makeLetter } from '../../support/letters';
import { checkFixture, fixtureText } from '../../fixtures/rules/fixtures';
import { loadKnowledge } from '../../../server/src/knowledge';
import { parseLetter } from '../../../server/src/letter/parse';
import { ruleContext } from '../../../server/src/engine/run-rules';

test('prior plus requested visits over the cited cap, Overturned without a reason, warns; a course without a count is noted', () => {
  const { findings, spanText, titleOf } = checkFixture(therapyVisits, 'fail-over-the-cap');
  assert.deepEqual(
    findings.map((finding) => [titleOf(finding.itemIndex), spanText(finding), finding.severity ?? 'warning', finding.message.slice(0, 80)]),
    [
      ['Physical therapy 2 times a week for 6 weeks for the low back', 'Decision rationale:', 'warning', '8 prior + 12 requested = 20 visits, more than the 10 the guideline allows (Physi'],
      ['Acupuncture for the low back', 'Acupuncture for the low back', 'information', 'This acupuncture item does not say how many sessions are requested, so the cours'],
    ],
  );
  assert.match(findings[0].message, /Not verified\.\), but the rationale names no exceptional factor or objective functional gain\.$/);
  assert.equal(spanText({ ...findings[0], span: findings[0].related![0].span }), 'She has completed 8 sessions of physical therapy and 4 acupuncture treatments.');
});

test('objective functional gains justify a longer course, and a course within the cap passes', () => {
  assert.deepEqual(checkFixture(therapyVisits, 'pass-within-the-cap-or-justified').findings, []);
});

test('visits: the count nearest the therapy, history not the request, the same count said twice counted once', () => {
  const knowledge = loadKnowledge();
  const visits = (summary: string, title: string) => {
    const letter = parseLetter(makeLetter({ summary, items: [{ title }] }));
    return ruleContext(letter, knowledge).facts.therapyVisits(0);
  };
  const base = 'The injured worker is a 44 year old picker with low back pain.';
  assert.deepEqual(
    [visits(`${base} She has completed 8 sessions of physical therapy and 4 acupuncture treatments.`, 'Acupuncture times 6')].map((v) => [v?.therapy, v?.prior?.count, v?.requested, v?.total]),
    [['acupuncture', 4, 6, 10]],
  );
  // A list: the count before the comma belongs to the therapy before it.
  assert.equal(visits(`${base} Treatment to date has included physical therapy x 6 sessions, acupuncture and an MRI.`, 'Physical therapy x 12 sessions')?.prior?.count, 6);
  assert.equal(visits(`${base} Treatment to date has included physical therapy x 6 sessions, acupuncture and an MRI.`, 'Acupuncture x 6')?.prior, null);
  // The request or the review is not history.
  assert.equal(visits(`${base} Utilization review certified 6 sessions of physical therapy.`, 'Physical therapy x 12 sessions')?.prior, null);
  assert.equal(visits(base, 'Four sessions of physical therapy two times a week times 2 weeks')?.requested, 4);
  assert.equal(visits(base, 'two physical therapy sessions for the back and eight physical therapy sessions for the wrist')?.requested, 10);
  assert.equal(visits(base, 'Physical therapy 2-3 times a week for 6 weeks')?.requested, 18);
  assert.equal(visits(base, 'Tizanidine 4mg #60'), null);
});

test('the statutory 24 applies when no section with a cap is cited', () => {
  const text = fixtureText('therapy-visits', 'fail-over-the-cap')
    .replace('completed 8 sessions', 'completed 20 sessions')
    .replace('Section(s): Physical Medicine.', 'Section(s): Introduction.');
  const findings = check(therapyVisits, text).findings.filter((finding) => finding.severity === undefined);
  assert.match(findings[0]?.message ?? '', /^20 prior \+ 12 requested = 32 visits, more than the 24 the guideline allows \(No more than 24 chiropractic/);
  const under = check(therapyVisits, text.replace('completed 20 sessions', 'completed 8 sessions')).findings.filter((finding) => finding.severity === undefined);
  assert.deepEqual(under, []);
  // The cap is a most: a course of exactly 24 visits is within it, one more is over.
  const at = (prior: number) => check(therapyVisits, text.replace('completed 20 sessions', `completed ${prior} sessions`)).findings.filter((finding) => finding.severity === undefined);
  assert.deepEqual(at(12), []);
  assert.match(at(13)[0]?.message ?? '', /^13 prior \+ 12 requested = 25 visits, more than the 24/);
});

test('a functional gain the rationale denies does not justify a longer course', () => {
  const text = fixtureText('therapy-visits', 'fail-over-the-cap');
  const denied = text.replace('The treating physician asks for more therapy because pain persists.', 'She has not returned to full duty despite the prior sessions.');
  assert.notEqual(denied, text);
  const findings = check(therapyVisits, denied).findings.filter((finding) => finding.severity === undefined);
  assert.match(findings[0]?.message ?? '', /^8 prior \+ 12 requested = 20 visits/);
  // Said without the denial, the same gain justifies it.
  const gained = check(therapyVisits, denied.replace('She has not returned', 'She has returned')).findings.filter((finding) => finding.severity === undefined);
  assert.deepEqual(gained, []);
});

test('a post-surgical course after a named procedure is held to that procedure\'s course, and the statutory 24 leaves it out', () => {
  const overturned = (summary: string, title: string, maximus: string) =>
    makeLetter({
      summary,
      items: [
        {
          title,
          decision: 'Overturned',
          maximus,
          rationale: 'The worker is six weeks from surgery. Therefore the request is medically necessary.',
        },
      ],
    });
  const postsurgical = 'Decision based on MTUS Postsurgical Treatment Guidelines, Section(s): Shoulder.';
  const afterRepair = 'The worker underwent a right rotator cuff repair on 01/10/2019 and has completed 16 sessions of postoperative physical therapy.';
  const messages = (text: string) => check(therapyVisits, text).findings.filter((finding) => finding.severity === undefined).map((finding) => finding.message);
  // 16 + 12 = 28 passes rotator cuff repair's 24.
  const [message] = messages(overturned(afterRepair, 'Post-operative physical therapy 12 sessions for the right shoulder', postsurgical));
  assert.match(message, /^16 prior \+ 12 requested = 28 visits, more than the 24 the guideline allows \(After rotator cuff repair: 24 visits over 14 weeks; .* Not verified\.\)/);
  // 16 + 6 = 22 is within it, though over the 10 of physical medicine.
  assert.deepEqual(messages(overturned(afterRepair, 'Post-operative physical therapy 6 sessions for the right shoulder', postsurgical)), []);
  // After carpal tunnel release the course is 8: 4 + 6 = 10 passes it, named in the title alone.
  const carpal = messages(
    overturned('The worker has completed 4 sessions of physical therapy.', 'Post-op physical therapy 6 sessions after carpal tunnel release', 'Decision based on MTUS Postsurgical Treatment Guidelines, Section(s): Carpal Tunnel Syndrome.'),
  );
  assert.match(carpal[0] ?? '', /^4 prior \+ 6 requested = 10 visits, more than the 8 .*After carpal tunnel release/);
  // A post-surgical course after a procedure with no course in the knowledge: no cap, and not the statutory 24 either.
  const other = 'The worker underwent a shoulder arthroplasty on 01/10/2019 and has completed 20 sessions of postoperative physical therapy.';
  assert.deepEqual(messages(overturned(other, 'Post-operative physical therapy 12 sessions for the right shoulder', postsurgical)), []);
  // The same course, not post-surgical, is held to the statutory 24.
  const notPostOp = messages(overturned(other.replace(' postoperative', ''), 'Physical therapy 12 sessions for the right shoulder', 'Decision based on MTUS Chronic Pain Medical Treatment Guidelines, Section(s): Introduction.'));
  assert.match(notPostOp[0] ?? '', /more than the 24 the guideline allows \(No more than 24/);
  // The procedure named without a post-surgical course (no post-op title, no postsurgical guideline) changes nothing.
  const plain = messages(overturned(afterRepair, 'Physical therapy 12 sessions for the right shoulder', 'Decision based on MTUS Chronic Pain Medical Treatment Guidelines, Section(s): Physical Medicine.'));
  assert.match(plain[0] ?? '', /more than the 10 the guideline allows \(Physical medicine/);
});
