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

/** The chunk's results; a file whose linting fails gets an internal error as its result, and the others theirs. */
function lintChunk(paths: readonly string[]): FileResult[] {
  const results: FileResult[] = [];
  linter.lintEach(
    paths,
    (result) => results.push(result),
    (path, error) => ({ path, error: `internal error: ${(error as Error)?.message}`, diagnostics: [] }),
  );
  return results;
}
