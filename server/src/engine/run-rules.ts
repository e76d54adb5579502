import { EMPTY_CONFIG, type LintConfig } from './config';
import { LetterFacts } from '../facts/letter-facts';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import type { Letter } from '../letter/model';
import { titleKey } from '../letter/mapped-text';
import { ALL_RULES } from './catalogue';
import { notALetter } from '../rules/not-a-letter';
import type { Finding, Rule, RuleContext } from '../rules/types';

export interface RunRulesOptions {
  readonly config?: LintConfig;
  readonly rules?: readonly Rule[];
  /** A rule that throws is reported here and skipped, so one bug never hides every other finding. */
  readonly onRuleError?: (ruleId: string, error: unknown) => void;
  /** The context to hand the rules, when the caller wants its facts afterwards; a fresh one otherwise. */
  readonly context?: RuleContext;
}

/** What every rule is handed for one letter: the knowledge, and one facts object they all share. */
export function ruleContext(letter: Letter, knowledge: KnowledgeBase, config: LintConfig = EMPTY_CONFIG): RuleContext {
  const options = config.opioidDoseThreshold === undefined ? {} : { opioidDoseThreshold: config.opioidDoseThreshold };
  return { knowledge, options, facts: new LetterFacts(letter, knowledge) };
}

/** Runs the rules over one parsed letter, with one facts object for all of them. */
export function runRules(letter: Letter, knowledge: KnowledgeBase, options: RunRulesOptions = {}): Finding[] {
  return runRulesOverEach([letter], knowledge, [options])[0]!;
}

/** One letter's run of the rules, with what `runRules` works out from its options. */
interface LetterRun {
  readonly letter: Letter;
  readonly context: RuleContext;
  readonly config: LintConfig;
  readonly rules: readonly Rule[];
  readonly ignoredTitles: Map<string, Set<string> | typeof ALL_ITEMS>;
  readonly onRuleError: RunRulesOptions['onRuleError'];
  readonly findings: Finding[];
}

/**
 * `runRules` for several letters at once, `options[n]` for `letters[n]`: the same findings for
 * each letter as `runRules` gives it alone, but the rules take turns, each over every letter,
 * instead of each letter going through every rule. Each rule's code then runs several times in
 * a row while it is fresh in the processor's caches, which made a 995-letter CLI run 6–9%
 * quicker (BENCHMARKS.md, thirteenth session). Each letter still meets the rules in its own
 * order, and its facts are its own. As before, letters share only the tokenizer's process-wide
 * word table, whose ids follow the order in which words are first seen.
 */
export function runRulesOverEach(letters: readonly Letter[], knowledge: KnowledgeBase, options: readonly RunRulesOptions[]): Finding[][] {
  const runs: LetterRun[] = letters.map((letter, index) => {
    const own = options[index] ?? {};
    const config = own.config ?? EMPTY_CONFIG;
    return {
      letter,
      context: own.context ?? ruleContext(letter, knowledge, own.config),
      config,
      rules: letter.looksLikeLetter ? own.rules ?? ALL_RULES : [notALetter],
      ignoredTitles: ignoredItemTitlesByRule(config),
      onRuleError: own.onRuleError,
      findings: [],
    };
  });
  const turns = runs.reduce((most, run) => Math.max(most, run.rules.length), 0);
  // Indexed loops here and in the other per-letter paths: until the engine optimises them, a
  // for-of loop allocates an iterator result per element, which a short CLI run pays for in GC.
  for (let turn = 0; turn < turns; turn++) {
    for (let runIndex = 0; runIndex < runs.length; runIndex++) {
      const run = runs[runIndex]!;
      if (turn < run.rules.length) applyRule(run, run.rules[turn]!);
    }
  }
  // Reading order, whichever rule found them; the sort is stable, so rule order breaks ties.
  return runs.map((run) => run.findings.sort((a, b) => a.span.start - b.span.start));
}

function applyRule(run: LetterRun, rule: Rule): void {
  const setting = run.config.rules[rule.id];
  if (setting === 'off') return;
  const ignored = run.ignoredTitles.get(rule.id);
  if (ignored === ALL_ITEMS) return;
  let reported;
  try {
    reported = rule.check(run.letter, run.context);
  } catch (error) {
    run.onRuleError?.(rule.id, error);
    return;
  }
  for (let findingIndex = 0; findingIndex < reported.length; findingIndex++) {
    const finding = reported[findingIndex]!;
    if (ignored && finding.itemIndex !== undefined && ignored.has(titleKey(run.letter.items[finding.itemIndex]?.title ?? ''))) continue;
    run.findings.push({ ...finding, ruleId: rule.id, severity: finding.severity ?? setting ?? rule.defaultSeverity });
  }
}

const ALL_ITEMS = 'all-items';

function ignoredItemTitlesByRule(config: LintConfig): Map<string, Set<string> | typeof ALL_ITEMS> {
  const byRule = new Map<string, Set<string> | typeof ALL_ITEMS>();
  for (const entry of config.ignore) {
    if (entry.item === undefined) {
      byRule.set(entry.rule, ALL_ITEMS);
      continue;
    }
    const titles = byRule.get(entry.rule);
    if (titles === ALL_ITEMS) continue;
    const set = titles ?? new Set<string>();
    set.add(titleKey(entry.item));
    byRule.set(entry.rule, set);
  }
  return byRule;
}
