import { analyzeEach, type Analysis, type AnalysisInput } from '../engine/analyze';
import { mergeConfigs, type LintConfig } from '../engine/config';
import { describeConfigProblem } from '../host/config-file';
import { WorkspaceConfig } from '../host/workspace-config';
import type { KnowledgeBase } from '../knowledge';
import type { Letter, RationaleConclusion } from '../letter/model';
import type { Finding, Severity } from '../rules/types';
import { readLetterFile } from '../host/letter-files';
import { LineMap, type Range } from '../text/line-map';
import { describeFsError } from '../host/fs-errors';
import { letterToJson, type LetterJson } from './letter-json';
import { outline, type OutlineNode } from '../features/outline';
import { summaryRows, type SummaryRow } from '../features/summary-table';

interface DiagnosticJson {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly range: Range;
}

interface OutlineLine {
  readonly depth: number;
  readonly name: string;
  readonly detail?: string;
  readonly line: number;
}

export interface FileResult {
  readonly path: string;
  /** Set when the file could not be read; nothing else is then. */
  readonly error?: string;
  readonly letter?: LetterJson | null;
  readonly diagnostics: readonly DiagnosticJson[];
  readonly outline?: readonly OutlineLine[];
  /** The letter's rows for the summary table, with `file` as read (the host shows its own path). */
  readonly summaryRows?: readonly SummaryRow[];
  /** Problems that are not findings in the letter: a broken config file, a rule that crashed. Never letter text. */
  readonly problems?: readonly string[];
}

export interface LintOptions {
  readonly knowledge: KnowledgeBase;
  /** From `--config`; wins over any `.imrlintrc.json` found beside the letters. */
  readonly explicitConfig?: LintConfig;
  readonly includeOutline?: boolean;
  /** Give each letter's rows for a `csv` or `markdown` table (`FileResult.summaryRows`). */
  readonly includeSummaryRows?: boolean;
  readonly maxFileSize?: number;
}

/** At most this many files, or files of this many characters in all, are read and analysed together. */
const READ_AHEAD_FILES = 16;
const READ_AHEAD_CHARS = 1 << 20;

/** The letter's text, or why the file could not be read. */
function readText(path: string): string | { error: string } {
  try {
    return readLetterFile(path);
  } catch (error) {
    return { error: describeFsError(error) };
  }
}

export class FileLinter {
  private readonly workspace = new WorkspaceConfig();

  constructor(private readonly options: LintOptions) {}

  lint(path: string): FileResult {
    return this.lintRead([path], [readText(path)])[0]!;
  }

  /**
   * Lints `paths` in order, handing each result to `each` with its index. Files are read up to
   * `READ_AHEAD_FILES` at a time, then analysed together (`analyzeEach`): reading a run of small
   * files back to back takes about half the time of reading each one between two analyses, and
   * the rules take turns over the letters read (BENCHMARKS.md, thirteenth session).
   */
  lintEach(paths: readonly string[], each: (result: FileResult, index: number) => void): void {
    for (let next = 0; next < paths.length; ) {
      const first = next;
      const reads: (string | { error: string })[] = [];
      let chars = 0;
      while (next < paths.length && reads.length < READ_AHEAD_FILES && chars < READ_AHEAD_CHARS) {
        const read = readText(paths[next++]!);
        reads.push(read);
        if (typeof read === 'string') chars += read.length;
      }
      this.lintRead(paths.slice(first, next), reads).forEach((result, offset) => each(result, first + offset));
    }
  }

  /** The results for files read (or not) as `reads` says, in order. */
  private lintRead(paths: readonly string[], reads: readonly (string | { error: string })[]): FileResult[] {
    const problemsOf: string[][] = [];
    const inputs: AnalysisInput[] = [];
    reads.forEach((read, index) => {
      if (typeof read !== 'string') return;
      const problems: string[] = (problemsOf[index] = []);
      const projectConfig = this.projectConfig(paths[index]!, problems);
      inputs.push({
        text: read,
        config: this.options.explicitConfig ? mergeConfigs(projectConfig, this.options.explicitConfig) : projectConfig,
        onRuleError: (ruleId, error) => problems.push(`rule ${ruleId} failed (${(error as Error)?.name ?? 'error'}); its findings are missing`),
      });
    });
    const analyses = analyzeEach(inputs, { knowledge: this.options.knowledge, maxFileSize: this.options.maxFileSize });
    let next = 0;
    return reads.map((read, index) => {
      const path = paths[index]!;
      return typeof read === 'string' ? this.result(path, read, analyses[next++]!, problemsOf[index]!) : { path, error: read.error, diagnostics: [] };
    });
  }

  private result(path: string, text: string, analysis: Analysis, problems: readonly string[]): FileResult {
    const lines = new LineMap(text);
    return {
      path,
      letter: analysis.letter ? letterToJson(analysis.letter, analysis, lines) : null,
      diagnostics: analysis.findings.map((finding) => diagnosticJson(finding, lines)),
      outline: this.options.includeOutline && analysis.letter ? outlineLines(analysis.letter, analysis.conclusions, lines) : undefined,
      summaryRows: this.options.includeSummaryRows && analysis.letter ? summaryRows(path, analysis.letter, analysis) : undefined,
      problems: problems.length ? problems : undefined,
    };
  }

  /** The nearest `.imrlintrc.json`; its problems are reported with the first letter it applies to. */
  private projectConfig(path: string, problems: string[]): LintConfig {
    const { config, justRead } = this.workspace.configFor(path);
    if (justRead) problems.push(...justRead.problems.map((problem) => `${justRead.path}: ${describeConfigProblem(problem)}`));
    return config;
  }
}

function diagnosticJson(finding: Finding, lines: LineMap): DiagnosticJson {
  return { code: finding.ruleId, severity: finding.severity, message: finding.message, range: lines.rangeOf(finding.span) };
}

function outlineLines(letter: Letter, conclusions: readonly (RationaleConclusion | null)[], lines: LineMap): OutlineLine[] {
  const result: OutlineLine[] = [];
  const visit = (nodes: readonly OutlineNode[], depth: number) => {
    for (const node of nodes) {
      result.push({ depth, name: node.name, detail: node.detail, line: lines.positionAt(node.selectionSpan.start).line });
      if (node.kind !== 'item' && node.kind !== 'header') visit(node.children, depth + 1);
    }
  };
  visit(outline(letter, conclusions), 0);
  return result;
}
