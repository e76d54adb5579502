import type { Letter } from '../letter/model';
import type { Span } from '../text/span';
import type { LetterFacts } from '../facts/letter-facts';
import type { KnowledgeBase } from '../knowledge';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

interface TextEdit {
  readonly span: Span;
  readonly newText: string;
}

export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  readonly isPreferred?: boolean;
  /** Safe fixes are applied by "Fix all" (`source.fixAll.imr`) without asking. */
  readonly safe?: boolean;
}

export interface RelatedPassage {
  readonly span: Span;
  readonly message: string;
}

/** What a rule reports; the runner adds the configured severity. */
export interface RuleFinding {
  readonly message: string;
  readonly span: Span;
  readonly related?: readonly RelatedPassage[];
  readonly fixes?: readonly Fix[];
  /** Index into `letter.items` when the finding is about one item, for per-item suppression. */
  readonly itemIndex?: number;
  /** Overrides the rule's severity for this finding only (e.g. a hint variant). */
  readonly severity?: Severity;
}

export interface Finding extends RuleFinding {
  readonly ruleId: string;
  readonly severity: Severity;
}

interface RuleOptions {
  /** The daily MME at which opioid-dose applies; absent: the knowledge's threshold for the edition in force. */
  readonly opioidDoseThreshold?: number;
}

export interface RuleContext {
  readonly knowledge: KnowledgeBase;
  /** The settings rules read beyond their severity (`LintConfig`). */
  readonly options: RuleOptions;
  /** What is known about this letter: built once per analysis and shared by every rule. */
  readonly facts: LetterFacts;
}

export interface Rule {
  /** Stable id, used as the diagnostic code and the doc page name `docs/rules/<id>.md`. */
  readonly id: string;
  readonly defaultSeverity: Severity;
  /** One line for rule listings, SARIF metadata and settings descriptions. */
  readonly description: string;
  check(letter: Letter, context: RuleContext): RuleFinding[];
}
