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

/** A file read for linting, with the config that applies to it; problems of that config are found once, when it is first read. */
type ReadFile =
  | { readonly path: string; readonly error: string }
  | { readonly path: string; readonly text: string; readonly config: LintConfig; readonly configProblems: readonly string[] };

export class FileLinter {
  private readonly workspace = new WorkspaceConfig();

  constructor(private readonly options: LintOptions) {}

  lint(path: string): FileResult {
    return this.lintFiles([this.read(path)])[0]!;
  }

  /**
   * Lints `paths` in order, handing each result to `each` with its index. Files are read up to
   * `READ_AHEAD_FILES` at a time, then analysed together (`analyzeEach`): reading a run of small
   * files back to back takes about half the time of reading each one between two analyses, and
   * the rules take turns over the letters read (BENCHMARKS.md, thirteenth session).
   *
   * Should linting a turn's files fail, they are linted again one by one, so that every file before
   * the one that fails still gets its result; that file's error is `onCrash`'s to turn into a
   * result, or is thrown when there is no `onCrash`.
   */
  lintEach(paths: readonly string[], each: (result: FileResult, index: number) => void, onCrash?: (path: string, error: unknown) => FileResult): void {
    for (let next = 0; next < paths.length; ) {
      const first = next;
      const files: ReadFile[] = [];
      let chars = 0;
      while (next < paths.length && files.length < READ_AHEAD_FILES && chars < READ_AHEAD_CHARS) {
        const file = this.read(paths[next++]!);
        files.push(file);
        if ('text' in file) chars += file.text.length;
      }
      let results: FileResult[] | null = null;
      try {
        results = this.lintFiles(files);
      } catch {
        // Linted one by one below.
      }
      files.forEach((file, offset) => {
        let result = results?.[offset];
        if (!result) {
          try {
            result = this.lintFiles([file])[0]!;
          } catch (error) {
            if (!onCrash) throw error;
            result = onCrash(file.path, error);
          }
        }
        each(result, first + offset);
      });
    }
  }

  private read(path: string): ReadFile {
    let text: string;
    try {
      text = readLetterFile(path);
    } catch (error) {
      return { path, error: describeFsError(error) };
    }
    const configProblems: string[] = [];
    const projectConfig = this.projectConfig(path, configProblems);
    const config = this.options.explicitConfig ? mergeConfigs(projectConfig, this.options.explicitConfig) : projectConfig;
    return { path, text, config, configProblems };
  }

  /** The files' results, in order, their letters analysed together. */
  private lintFiles(files: readonly ReadFile[]): FileResult[] {
    const inputs: AnalysisInput[] = [];
    const ruleProblems: string[][] = [];
    for (const file of files) {
      if (!('text' in file)) continue;
      const problems: string[] = [];
      ruleProblems.push(problems);
      inputs.push({
        text: file.text,
        config: file.config,
        onRuleError: (ruleId, error) => problems.push(`rule ${ruleId} failed (${(error as Error)?.name ?? 'error'}); its findings are missing`),
      });
    }
    const analyses = analyzeEach(inputs, { knowledge: this.options.knowledge, maxFileSize: this.options.maxFileSize });
    let next = 0;
    return files.map((file) => {
      if (!('text' in file)) return { path: file.path, error: file.error, diagnostics: [] };
      const index = next++;
      return this.result(file.path, file.text, analyses[index]!, [...file.configProblems, ...ruleProblems[index]!]);
    });
  }

  private result(path: string, text: string, analysis: Analysis, problems: readonly string[]): FileResult {
    const lines = new LineMap(text);
    return {
      path,
      letter: analysis.letter ? letterToJson(analysis.letter, analysis, lines) : null,
      diagnostics: analysis.findings.map((finding) => diagnosticJson(finding, lines)),
      outline: this.options.includeOutline && analysis.letter ? outlineLines(analysis.letter, analysis.conclusions, lines) : undefined,
      summaryRows: this.options.includeSummaryRows ? summaryRows(path, analysis.letter, analysis) : undefined,
      problems: problems.length ? problems : undefined,
    };
  }

  /** The nearest `.imrlintrc.json`; its problems are reported with the first letter it applies to. */
  private projectConfig(path: string, problems: string[]): LintConfig {
    const { config, justRead } = this.workspace.configFor(path);
    if (justRead) for (const problem of justRead.problems) problems.push(`${justRead.path}: ${describeConfigProblem(problem)}`);
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
