import { parentPort, workerData } from 'node:worker_threads';
import { loadKnowledgeFiles } from '../host/knowledge-files';
import { FileLinter, type LintOptions } from './lintFile';

/** One of the `--jobs` threads: lints the paths it is sent and posts each result back. */
const options = workerData as Omit<LintOptions, 'knowledge'> & { knowledgeFiles: readonly string[] };
// The main thread has already reported any problem with these files.
const linter = new FileLinter({ ...options, knowledge: loadKnowledgeFiles(options.knowledgeFiles).knowledge });

parentPort?.on('message', (message: { index: number; path: string }) => {
  let result;
  try {
    result = linter.lint(message.path);
  } catch (error) {
    result = { path: message.path, error: `internal error: ${(error as Error).message}`, diagnostics: [] };
  }
  parentPort?.postMessage({ index: message.index, result });
});
