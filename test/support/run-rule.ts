import { loadKnowledge } from '../../server/src/knowledge';
import { parseLetter } from '../../server/src/letter/parse';
import type { Letter } from '../../server/src/letter/model';
import type { Span } from '../../server/src/text/span';
import type { Rule, RuleFinding } from '../../server/src/rules/types';
import { ruleContext } from '../../server/src/engine/run-rules';

const knowledge = loadKnowledge();

export function check(rule: Rule, text: string): { letter: Letter; findings: RuleFinding[]; spanText: (finding: RuleFinding) => string } {
  const letter = parseLetter(text);
  const findings = rule.check(letter, ruleContext(letter, knowledge));
  return { letter, findings, spanText: (finding) => text.slice(finding.span.start, finding.span.end) };
}

/** Applies a fix's edits to the text, last edit first so earlier offsets stay valid. */
export function applyEdits(text: string, edits: readonly { span: { start: number; end: number }; newText: string }[]): string {
  return [...edits].sort((a, b) => b.span.start - a.span.start).reduce((result, edit) => result.slice(0, edit.span.start) + edit.newText + result.slice(edit.span.end), text);
}

/** How each item of a letter (text or parsed) concludes, as the analysis reads it, with the concluding sentence's span and text. */
export function conclusionsOf(letterOrText: Letter | string): { verdict: string; certain: boolean; span: Span | null; sentence: string | null }[] {
  const letter = typeof letterOrText === 'string' ? parseLetter(letterOrText) : letterOrText;
  const { facts } = ruleContext(letter, knowledge);
  return letter.items.map((_, index) => {
    const { verdict, certain, sentence } = facts.conclusion(index);
    return { verdict, certain, span: sentence?.span ?? null, sentence: sentence ? letter.text.slice(sentence.span.start, sentence.span.end) : null };
  });
}
