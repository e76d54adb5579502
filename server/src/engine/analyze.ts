import type { LintConfig } from './config';
import type { KnowledgeBase } from '../knowledge';
import type { Letter, RationaleConclusion } from '../letter/model';
import { parseLetter } from '../letter/parse';
import { FILE_TOO_LARGE } from './catalogue';
import { ruleContext, runRulesOverEach, type RunRulesOptions } from './run-rules';
import type { Finding, RuleContext } from '../rules/types';
import type { OpioidDose } from '../facts/opioid-dose';
import type { TherapyVisits } from '../facts/therapy-visits';
import { itemCriteria, type ItemCriteria } from '../facts/criteria';
import type { LetterFacts } from '../facts/letter-facts';

export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;

interface AnalyzeOptions {
  readonly knowledge: KnowledgeBase;
  readonly config?: LintConfig;
  /** In UTF-8 bytes; larger documents are not parsed. */
  readonly maxFileSize?: number;
  readonly onRuleError?: (ruleId: string, error: unknown) => void;
}

export interface Analysis {
  /** Null when the document was too large to analyse. */
  readonly letter: Letter | null;
  readonly findings: readonly Finding[];
  /** How each item's rationale concludes, parallel to `letter.items`; null for an item without a rationale. */
  readonly conclusions: readonly (RationaleConclusion | null)[];
  /** Each item's daily opioid dose in morphine equivalents, parallel to `letter.items`; null for an item that names no opioid. Computed on first use. */
  readonly doses: readonly (OpioidDose | null)[];
  /** Each item's visits had and requested, parallel to `letter.items`; null for an item that is not a course of therapy. */
  readonly visits: readonly (TherapyVisits | null)[];
  /** Per item, the criteria of its cited sections and whether the letter addresses each (for the code lens). */
  readonly criteria: readonly (readonly ItemCriteria[])[];
}

export function analyze(text: string, options: AnalyzeOptions): Analysis {
  return analyzeEach([{ text, config: options.config, onRuleError: options.onRuleError }], options)[0]!;
}

/** One document of `analyzeEach`, with its own config and error report. */
export interface AnalysisInput {
  readonly text: string;
  readonly config?: LintConfig;
  readonly onRuleError?: (ruleId: string, error: unknown) => void;
}

/**
 * `analyze` for several documents at once, each with its own config: the same analyses as
 * `analyze` gives each alone, with the rules taking turns over all of them (`runRulesOverEach`).
 * For batches: the CLI hands it the letters it has read, up to 16 at a time.
 */
export function analyzeEach(inputs: readonly AnalysisInput[], options: Pick<AnalyzeOptions, 'knowledge' | 'maxFileSize'>): Analysis[] {
  const analyses: (Analysis | null)[] = inputs.map((input) => tooLarge(input, options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE));
  const letters: Letter[] = [];
  const runOptions: (RunRulesOptions & { readonly context: RuleContext })[] = [];
  inputs.forEach((input, index) => {
    if (analyses[index]) return;
    const letter = parseLetter(input.text);
    letters.push(letter);
    // The rules' facts also say how each rationale concludes, which the hosts show; read once for both.
    runOptions.push({ config: input.config, onRuleError: input.onRuleError, context: ruleContext(letter, options.knowledge, input.config) });
  });
  const findings = runRulesOverEach(letters, options.knowledge, runOptions);
  let next = 0;
  return analyses.map((analysis) => {
    if (analysis) return analysis;
    const letter = letters[next]!;
    const { facts } = runOptions[next]!.context;
    const conclusions = letter.items.map((item, index) => (item.rationale ? facts.conclusion(index).verdict : null));
    return new LetterAnalysis(letter, findings[next++]!, conclusions, facts);
  });
}

/** The analysis of a document too large to parse, or null when it is not. */
function tooLarge(input: AnalysisInput, maxFileSize: number): Analysis | null {
  const { text } = input;
  // A UTF-16 code unit never takes more than 3 UTF-8 bytes, so most documents need no counting.
  const mayBeTooLarge = text.length * 3 > maxFileSize;
  if (!mayBeTooLarge || utf8Length(text, maxFileSize) <= maxFileSize) return null;
  const setting = input.config?.rules[FILE_TOO_LARGE];
  return {
    letter: null,
    conclusions: [],
    doses: [],
    visits: [],
    criteria: [],
    findings: setting === 'off' ? [] : [
      {
        ruleId: FILE_TOO_LARGE,
        severity: setting ?? 'information',
        message: `Not analysed: this document is larger than ${formatBytes(maxFileSize)} (the imr.maxFileSize setting). Determination letters are usually a few kilobytes.`,
        span: { start: 0, end: Math.min(text.length, Math.max(0, text.search(/\r|\n|$/))) },
      },
    ],
  };
}

/**
 * An analysis whose figures for the editor (hints, hovers, lenses) are worked out on first use,
 * so diagnostics never wait for them. A class, so that every analysis shares one shape.
 */
class LetterAnalysis implements Analysis {
  private doseList: readonly (OpioidDose | null)[] | undefined;
  private visitList: readonly (TherapyVisits | null)[] | undefined;
  private criteriaList: readonly (readonly ItemCriteria[])[] | undefined;

  constructor(
    readonly letter: Letter,
    readonly findings: readonly Finding[],
    readonly conclusions: readonly (RationaleConclusion | null)[],
    private readonly facts: LetterFacts,
  ) {}

  get doses(): readonly (OpioidDose | null)[] {
    return (this.doseList ??= this.letter.items.map((_, index) => this.facts.opioidDose(index)));
  }

  get visits(): readonly (TherapyVisits | null)[] {
    return (this.visitList ??= this.letter.items.map((_, index) => this.facts.therapyVisits(index)));
  }

  get criteria(): readonly (readonly ItemCriteria[])[] {
    return (this.criteriaList ??= this.letter.items.map((_, index) => itemCriteria(this.facts, index)));
  }
}

/** Counts UTF-8 bytes without allocating, stopping early once past `limit`. */
function utf8Length(text: string, limit = Infinity): number {
  if (text.length > limit) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= limit; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
