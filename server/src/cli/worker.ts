import { parentPort, workerData } from 'node:worker_threads';
import { loadKnowledgeFiles } from '../host/knowledge-files';
import { FileLinter, type FileResult, type LintOptions } from './lint-file';

/** One of the `--jobs` threads beside the main thread: lints the chunks of paths it is sent and posts each chunk's results back. */
const options = workerData as Omit<LintOptions, 'knowledge'> & { knowledgeFiles: readonly string[] };
// The main thread has already reported any problem with these files.
const linter = new FileLinter({ ...options, knowledge: loadKnowledgeFiles(options.knowledgeFiles).knowledge });

parentPort?.on('message', (message: { start: number; paths: readonly string[] }) => {
  parentPort?.postMessage({ start: message.start, results: lintChunk(message.paths) });
});

/** The chunk's results, linted together; should that fail, each file alone, so that one bad file costs only its own result. */
function lintChunk(paths: readonly string[]): FileResult[] {
  try {
    const results: FileResult[] = [];
    linter.lintEach(paths, (result) => results.push(result));
    return results;
  } catch {
    return paths.map((path): FileResult => {
      try {
        return linter.lint(path);
      } catch (error) {
        return { path, error: `internal error: ${(error as Error).message}`, diagnostics: [] };
      }
    });
  }
}
