import { EMPTY_CONFIG, type LintConfig } from './config';
import { LetterFacts } from '../facts/letter-facts';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import type { Letter } from '../letter/model';
import { titleKey } from '../letter/mapped-text';
import { ALL_RULES } from './catalogue';
import { notALetter } from '../rules/not-a-letter';
import type { Finding, Rule, RuleContext } from '../rules/types';

interface RunRulesOptions {
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
  const context = options.context ?? ruleContext(letter, knowledge, options.config);
  const config = options.config ?? EMPTY_CONFIG;
  const rules = letter.looksLikeLetter ? options.rules ?? ALL_RULES : [notALetter];
  const ignoredTitles = ignoredItemTitlesByRule(config);
  const findings: Finding[] = [];
  // Indexed loops here and in the other per-letter paths: until the engine optimises them, a
  // for-of loop allocates an iterator result per element, which a short CLI run pays for in GC.
  for (let ruleIndex = 0; ruleIndex < rules.length; ruleIndex++) {
    const rule = rules[ruleIndex];
    const setting = config.rules[rule.id];
    if (setting === 'off') continue;
    const ignored = ignoredTitles.get(rule.id);
    if (ignored === ALL_ITEMS) continue;
    let reported;
    try {
      reported = rule.check(letter, context);
    } catch (error) {
      options.onRuleError?.(rule.id, error);
      continue;
    }
    for (let findingIndex = 0; findingIndex < reported.length; findingIndex++) {
      const finding = reported[findingIndex];
      if (ignored && finding.itemIndex !== undefined && ignored.has(titleKey(letter.items[finding.itemIndex]?.title ?? ''))) continue;
      findings.push({ ...finding, ruleId: rule.id, severity: finding.severity ?? setting ?? rule.defaultSeverity });
    }
  }
  // Reading order, whichever rule found them; the sort is stable, so rule order breaks ties.
  return findings.sort((a, b) => a.span.start - b.span.start);
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
