import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { FileLinter, type FileResult, type LintOptions } from './lintFile';

export interface BatchOptions extends LintOptions {
  readonly jobs: number;
  /** An explicit `--jobs` is honoured as given; the default only uses threads for batches large enough to gain. */
  readonly jobsExplicit: boolean;
  /** Reloaded by each worker thread, which cannot share the main thread's knowledge base. */
  readonly knowledgeFiles: readonly string[];
  /** Called with results in input order, as soon as each one and all before it are done. */
  readonly onResult: (result: FileResult, index: number) => void;
  readonly onProgress?: (done: number, total: number) => void;
  readonly workerScript?: string;
}

/** Below this many files per thread, starting threads (each loads the knowledge base) costs more than it saves; measured on the corpus. */
const MIN_FILES_PER_WORKER = 250;

export async function runBatch(files: readonly string[], options: BatchOptions): Promise<void> {
  const workers = options.jobsExplicit ? Math.min(options.jobs, files.length) : Math.min(options.jobs, Math.floor(files.length / MIN_FILES_PER_WORKER));
  if (workers <= 1) {
    const linter = new FileLinter(options);
    files.forEach((file, index) => {
      options.onResult(linter.lint(file), index);
      options.onProgress?.(index + 1, files.length);
    });
    return;
  }
  await runInWorkers(files, options, workers);
}

function runInWorkers(files: readonly string[], options: BatchOptions, workerCount: number): Promise<void> {
  const script = options.workerScript ?? join(__dirname, 'cli-worker.js');
  const results: (FileResult | undefined)[] = new Array(files.length);
  let nextToSend = 0;
  let nextToEmit = 0;
  let done = 0;
  const workerData = { explicitConfig: options.explicitConfig, includeOutline: options.includeOutline, maxFileSize: options.maxFileSize, knowledgeFiles: options.knowledgeFiles };
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      for (const worker of workers) void worker.terminate();
      if (error) reject(error);
      else resolve();
    };
    const sendNext = (worker: Worker) => {
      if (nextToSend < files.length) {
        worker.postMessage({ index: nextToSend, path: files[nextToSend] });
        nextToSend++;
      }
    };
    for (let i = 0; i < workerCount; i++) {
      const worker = new Worker(script, { workerData });
      workers.push(worker);
      worker.on('message', (message: { index: number; result: FileResult }) => {
        results[message.index] = message.result;
        done++;
        options.onProgress?.(done, files.length);
        while (nextToEmit < files.length && results[nextToEmit]) {
          options.onResult(results[nextToEmit]!, nextToEmit);
          results[nextToEmit] = undefined;
          nextToEmit++;
        }
        if (nextToEmit === files.length) finish();
        else sendNext(worker);
      });
      worker.on('error', (error) => finish(error));
      worker.on('messageerror', (error) => finish(error));
      // A worker that stops before the batch is done would otherwise leave the run waiting forever.
      worker.on('exit', (code) => finish(new Error(`a worker thread stopped unexpectedly (exit code ${code})`)));
      // Two files in flight per worker keep it busy while the main thread prints.
      sendNext(worker);
      sendNext(worker);
    }
  });
}
