#!/usr/bin/env node
// First, so that the engine is tuned before anything else is loaded.
import './engine-tuning';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { describeConfigProblem, loadConfigFile } from '../host/config-file';
import type { LintConfig } from '../engine/config';
import { loadKnowledgeFiles } from '../host/knowledge-files';
import type { Severity } from '../rules/types';
import { expandInputs, pathDisplay } from '../host/letter-walk';
import type { FileResult } from './lint-file';
import { runBatch } from './run-batch';
import { formatSarif } from './sarif';
import { Summary } from './summary';
import { formatText } from './text-format';
import { JsonFilesWriter } from './json-output';
import { formatSummary, unreadableRow, type SummaryRow } from '../features/summary-table';
import { renderQaReport, type ReportLetter } from '../features/qa-report';
import { pathToFileURL } from 'node:url';
import { ALL_RULES } from '../engine/catalogue';
import { showControls } from '../text/quote';
import { TOOL_VERSION } from '../engine/version';

const USAGE = `Usage: imr-lint [options] <files, folders or globs...>

Checks California IMR determination letters for structural problems and
documentation gaps. Folders are searched for .imr and .txt files.

Options:
  --format text|json|sarif|csv|markdown|html
                             output format (default: text); csv and markdown give one row per
                             disputed item: case number, item, decision, citations, daily MME
                             and the open findings by check; html is a QA report with charts,
                             one self-contained file that loads nothing from outside
  --fail-on error|warning|information|never
                             lowest severity that makes the exit code 1 (default: error)
  --config <file>            settings file like .imrlintrc.json; wins over the ones found beside letters
  --knowledge <file>         extra knowledge (guidelines, sections, drugs…) over the built-in data; repeatable
  --outline                  also give each letter's outline (text and JSON formats)
  --summary                  print a summary table (to stderr for json and sarif)
  --jobs <n>                 threads that lint, the main one included (default: one per 5,000
                             files, up to the number of cores)
  --max-file-size <bytes>    skip analysis of larger files (default: 5 MB)
  -h, --help                 show this help
  -v, --version              show the version

Exit codes: 0 when nothing reaches --fail-on; 1 for findings at or above it, unreadable
files, broken config or knowledge files (with --fail-on never, always 0); 2 usage error.`;

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, information: 2, hint: 3 };
const FORMATS = ['text', 'json', 'sarif', 'csv', 'markdown', 'html'] as const;
const FAIL_ON = ['error', 'warning', 'information', 'never'] as const;

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        'fail-on': { type: 'string', default: 'error' },
        config: { type: 'string' },
        knowledge: { type: 'string', multiple: true },
        outline: { type: 'boolean', default: false },
        summary: { type: 'boolean', default: false },
        jobs: { type: 'string' },
        'max-file-size': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = args;
  if (values.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  if (values.version) {
    process.stdout.write(`imr-lint ${TOOL_VERSION}\n`);
    return 0;
  }
  const format = oneOf(values.format!, FORMATS, '--format');
  const failOn = oneOf(values['fail-on']!, FAIL_ON, '--fail-on');
  const jobs = values.jobs === undefined ? availableParallelism() : positiveInteger(values.jobs, '--jobs');
  const maxFileSize = values['max-file-size'] === undefined ? undefined : positiveInteger(values['max-file-size'], '--max-file-size');
  if (positionals.length === 0) throw new UsageError('no files, folders or globs given');
  // An unset shell variable (`imr-lint "$DIR"`) would otherwise lint the current folder.
  if (positionals.includes('')) throw new UsageError('an empty argument names no file, folder or glob');
  /** What went wrong outside any one letter: on stderr as it happens, in the JSON, SARIF and HTML at the end; each fails the run. */
  const runProblems: string[] = [];
  const reportedProblems = new Set<string>();
  let progressClear = () => {};
  const reportProblem = (problem: string) => {
    if (reportedProblems.has(problem)) return;
    reportedProblems.add(problem);
    runProblems.push(problem);
    progressClear();
    process.stderr.write(`imr-lint: ${showControls(problem)}\n`);
  };
  const explicit = values.config === undefined ? undefined : readExplicitConfig(values.config);
  for (const problem of explicit?.problems ?? []) reportProblem(`--config ${problem}`);
  const explicitConfig = explicit?.config;

  const knowledgeFiles = (values.knowledge ?? []).map((path) => resolve(path));
  const knowledge = loadKnowledgeFiles(knowledgeFiles);
  for (const problem of knowledge.problems) reportProblem(`knowledge file not used: ${problem}`);

  const { files, problems } = expandInputs(positionals);
  for (const problem of problems) reportProblem(`${problem.input}: ${problem.message}`);

  const displayPath = pathDisplay();
  const summary = new Summary();
  const progress = progressReporter(files.length);
  progressClear = progress.clear;
  const writeOut = standardOutput(progress.clear);
  /** JSON is written as the results come; SARIF needs them all first. */
  const json = format === 'json' ? new JsonFilesWriter(writeOut) : null;
  const sarifResults: FileResult[] = [];
  const tableRows: SummaryRow[] = [];
  const table = format === 'csv' || format === 'markdown' ? format : null;
  const reportLetters: ReportLetter[] = [];
  const fileUrls = new Map<string, string>();
  let failed = false;
  await runBatch(files, {
    knowledge: knowledge.knowledge,
    knowledgeFiles,
    explicitConfig,
    includeOutline: values.outline,
    includeSummaryRows: table !== null || format === 'html',
    maxFileSize,
    jobs,
    jobsExplicit: values.jobs !== undefined,
    onProgress: progress.update,
    onResult: (result) => {
      const path = displayPath(result.path);
      summary.add(result);
      for (const problem of result.problems ?? []) reportProblem(problem);
      if (result.error) {
        failed = true;
        progress.clear();
        process.stderr.write(`imr-lint: ${showControls(`${path}: ${result.error}`)}\n`);
      }
      if (failOn !== 'never' && result.diagnostics.some((diagnostic) => SEVERITY_RANK[diagnostic.severity] <= SEVERITY_RANK[failOn])) failed = true;
      if (format === 'text') {
        const text = formatText(result, path);
        if (text) writeOut(text);
      } else if (json) {
        json.add(jsonFile(result, path));
      } else if (table) {
        for (const row of result.summaryRows ?? []) tableRows.push({ ...row, file: path });
        if (result.error) tableRows.push(unreadableRow(path, result.error));
      } else if (format === 'html') {
        fileUrls.set(path, pathToFileURL(result.path).href);
        reportLetters.push({
          file: path,
          rows: (result.summaryRows ?? []).map((row) => ({ ...row, file: path })),
          findings: result.diagnostics.map((diagnostic) => ({ code: diagnostic.code, severity: diagnostic.severity, message: diagnostic.message, line: diagnostic.range.start.line })),
          error: result.error,
        });
      } else {
        sarifResults.push(result);
      }
    },
  });
  progress.clear();
  json?.end(runProblems);
  if (format === 'sarif') writeOut(JSON.stringify(formatSarif(sarifResults, TOOL_VERSION, runProblems), null, 2) + '\n');
  if (table) writeOut(formatSummary(tableRows, table, ALL_RULES.map((rule) => rule.id)));
  if (format === 'html') {
    writeOut(renderQaReport(reportLetters, { checkOrder: ALL_RULES.map((rule) => rule.id), problems: runProblems, link: (file, line) => (fileUrls.has(file) ? `${fileUrls.get(file)}#L${line + 1}` : null) }));
  }
  if (values.summary) (format === 'text' ? writeOut : (text: string) => process.stderr.write(text))(summary.format());
  return (failed || runProblems.length > 0) && failOn !== 'never' ? 1 : 0;
}

function jsonFile(result: FileResult, path: string) {
  const file: Record<string, unknown> = { path, letter: result.letter ?? null, diagnostics: result.diagnostics };
  if (result.outline) file.outline = result.outline;
  if (result.error) file.error = result.error;
  return file;
}

/**
 * The `--config` file, read as a `.imrlintrc.json` is: a broken one is reported, as the help says (exit
 * code 1), and what of it is valid applies; nothing of it when it cannot be read or is not JSON.
 */
function readExplicitConfig(path: string): { config: LintConfig | undefined; problems: string[] } {
  const loaded = loadConfigFile(resolve(path));
  const problems = loaded.problems.map((problem) => `${path}: ${describeConfigProblem(problem)}`);
  return { config: loaded.parsed ? loaded.config : undefined, problems };
}

function oneOf<T extends string>(value: string, allowed: readonly T[], option: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${option} must be one of ${allowed.join(', ')} (got "${value}")`);
}

function positiveInteger(value: string, option: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new UsageError(`${option} must be a positive whole number (got "${value}")`);
  return number;
}

/**
 * Writes to stdout. When the reader goes away (`imr-lint … | head`), the rest of the output is
 * dropped without a word, as grep does; the run goes on, so that the exit code still tells
 * whether anything reached --fail-on. Any other write error is reported and ends the run.
 */
function standardOutput(beforeWrite: () => void): (text: string) => void {
  let closed = false;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') {
      closed = true;
      return;
    }
    process.stderr.write(`imr-lint: cannot write the output: ${error.message}\n`);
    process.exit(1);
  });
  return (text) => {
    if (closed) return;
    beforeWrite();
    process.stdout.write(text);
  };
}

/** A progress bar on an interactive stderr for big batches; silent when piped. */
function progressReporter(total: number) {
  const enabled = process.stderr.isTTY === true && total >= 50;
  let shown = false;
  return {
    update(done: number) {
      if (!enabled) return;
      const width = 30;
      const filled = Math.round((done / total) * width);
      process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} letters`);
      shown = true;
    },
    clear() {
      if (shown) process.stderr.write('\r\x1b[K');
      shown = false;
    },
  };
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    if (error instanceof UsageError) {
      process.stderr.write(`imr-lint: ${error.message}\n\n${USAGE}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`imr-lint: internal error: ${(error as Error)?.stack ?? error}\n`);
      process.exitCode = 3;
    }
  },
);
