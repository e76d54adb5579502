import type { Decision, RationaleConclusion } from '../letter/model';
import { allMatches } from '../language/literal-anchors';
import type { Fix, Rule, RuleFinding } from './types';
import { quoted } from '../text/quote';

const EXPECTED: Readonly<Record<Decision, RationaleConclusion>> = {
  Upheld: 'not medically necessary',
  Overturned: 'medically necessary',
};

const CONCLUSION_PHRASE = /\b(not\s+)?medically\s+necessary\b/gi;

export const decisionConclusion: Rule = {
  id: 'decision-conclusion',
  defaultSeverity: 'error',
  description:
    'The rationale concludes the opposite of the decision (Upheld must end "not medically necessary", Overturned "medically necessary"); a hint when the conclusion is worded otherwise or unclear.',
  check(letter, context) {
    const findings: RuleFinding[] = [];
    letter.items.forEach((item, itemIndex) => {
      const decision = item.decision?.decision;
      const rationale = item.rationale;
      if (!decision || !item.decision || !rationale) return;
      const conclusion = context.facts.conclusion(itemIndex);
      if (conclusion.verdict === 'unknown') {
        findings.push({
          message: `${quoted(item.title)} is ${decision}, but the rationale's last sentences do not say whether it is medically necessary; ${decision} is usually concluded with "${EXPECTED[decision]}".`,
          span: rationale.label,
          itemIndex,
          severity: 'hint',
        });
        return;
      }
      if (conclusion.verdict === EXPECTED[decision]) return;
      const span = conclusion.sentence?.span ?? rationale.label;
      const opposite: Decision = decision === 'Upheld' ? 'Overturned' : 'Upheld';
      const fixes: Fix[] = [
        {
          title: `Change the decision to "${opposite}" to match the rationale`,
          edits: [{ span: item.decision.span, newText: opposite }],
        },
      ];
      const phrase = lastConclusionPhrase(letter.text, span.start, span.end);
      if (phrase) {
        fixes.push({
          title: `Change the conclusion to "${EXPECTED[decision]}" to match the decision`,
          edits: [{ span: phrase, newText: EXPECTED[decision] }],
        });
      }
      findings.push({
        message: `${quoted(item.title)} is ${decision}, but its rationale concludes "${conclusion.verdict}"; ${decision} requires "${EXPECTED[decision]}".`,
        span,
        itemIndex,
        related: [{ span: item.decision.span, message: `Decision: ${decision}` }],
        fixes,
        // Only a plainly stated verdict makes the contradiction certain; one read from other wording
        // ("is not supported", "cannot be recommended") may be misread, so it is only a hint.
        severity: conclusion.certain ? undefined : 'hint',
      });
    });
    return findings;
  },
};

function lastConclusionPhrase(text: string, start: number, end: number): { start: number; end: number } | null {
  const sentence = text.slice(start, end);
  let last: { start: number; end: number } | null = null;
  for (const match of allMatches(sentence, CONCLUSION_PHRASE)) {
    last = { start: start + match.index, end: start + match.index + match[0].length };
  }
  return last;
}
