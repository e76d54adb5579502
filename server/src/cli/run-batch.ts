import type { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { FileLinter, type FileResult, type LintOptions } from './lint-file';

interface BatchOptions extends LintOptions {
  /** Threads that lint: the main thread and `jobs - 1` worker threads. */
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

/**
 * Files each thread needs before the default uses it. A worker thread is dear: it takes about
 * 0.2 s of CPU before its first result (its own Node start, bundle and knowledge base), and then
 * warms up its own copy of the engine's compiled code, which takes about 2,000 letters and the
 * optimising compiler's time all over again. On a 2-core machine a single thread already keeps
 * about 1.3–1.5 cores busy (that compiler and the garbage collector), so a second thread that lints
 * mostly competes with them. Measured over ../shared/corpus replicated (BENCHMARKS.md), the main
 * thread plus one worker was 1.09× slower than one thread at 1,000 letters, 1.07× at 2,000, level
 * at 5,000 and 0.90× at 10,000; so the default uses two threads from 10,000 letters.
 */
export const MIN_FILES_PER_THREAD = 5000;

/** How many threads lint a batch: an explicit `--jobs` as given (never more than files), the default only where it gains. */
export function threadsFor(fileCount: number, jobs: number, jobsExplicit: boolean): number {
  const threads = jobsExplicit ? jobs : Math.min(jobs, Math.floor(fileCount / MIN_FILES_PER_THREAD));
  return Math.max(1, Math.min(threads, fileCount));
}

export async function runBatch(files: readonly string[], options: BatchOptions): Promise<void> {
  const threads = threadsFor(files.length, options.jobs, options.jobsExplicit);
  if (threads <= 1) {
    new FileLinter(options).lintEach(files, (result, index) => {
      options.onResult(result, index);
      options.onProgress?.(index + 1, files.length);
    });
    return;
  }
  await runInThreads(files, options, threads - 1);
}

/** Paths sent to a worker at once: fewer messages, and smaller near the end so that no thread is left with a long tail. */
const MAX_CHUNK = 16;

/**
 * The main thread lints files too, one at a time, between handling the workers' messages; each
 * worker is kept two chunks ahead. Everyone takes the next files in input order, and results are
 * handed on in that order as soon as all before them are done.
 */
function runInThreads(files: readonly string[], options: BatchOptions, workerCount: number): Promise<void> {
  const script = options.workerScript ?? join(__dirname, 'cli-worker.js');
  const results: (FileResult | undefined)[] = new Array(files.length);
  const threads = workerCount + 1;
  let nextToTake = 0;
  let nextToEmit = 0;
  let done = 0;
  const workerData = {
    explicitConfig: options.explicitConfig,
    includeOutline: options.includeOutline,
    includeSummaryRows: options.includeSummaryRows,
    maxFileSize: options.maxFileSize,
    knowledgeFiles: options.knowledgeFiles,
  };
  // Loaded here, not at the top: most runs use one thread, and loading it takes about 4 ms.
  const { Worker: WorkerThread } = require('node:worker_threads') as typeof import('node:worker_threads');
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
    const store = (index: number, result: FileResult) => {
      results[index] = result;
      done++;
      options.onProgress?.(done, files.length);
    };
    const emit = () => {
      while (nextToEmit < files.length && results[nextToEmit]) {
        options.onResult(results[nextToEmit]!, nextToEmit);
        results[nextToEmit] = undefined;
        nextToEmit++;
      }
      if (nextToEmit === files.length) finish();
    };
    const sendChunk = (worker: Worker) => {
      const left = files.length - nextToTake;
      if (left <= 0) return;
      const size = Math.max(1, Math.min(MAX_CHUNK, Math.floor(left / (4 * threads))));
      worker.postMessage({ start: nextToTake, paths: files.slice(nextToTake, nextToTake + size) });
      nextToTake += size;
    };
    for (let i = 0; i < workerCount; i++) {
      const worker = new WorkerThread(script, { workerData });
      workers.push(worker);
      worker.on('message', (message: { start: number; results: FileResult[] }) => {
        if (settled) return;
        message.results.forEach((result, offset) => store(message.start + offset, result));
        emit();
        if (!settled) sendChunk(worker);
      });
      worker.on('error', (error) => finish(error));
      worker.on('messageerror', (error) => finish(error));
      // A worker that stops before the batch is done would otherwise leave the run waiting forever.
      worker.on('exit', (code) => finish(new Error(`a worker thread stopped unexpectedly (exit code ${code})`)));
      // The second chunk keeps the worker busy while the main thread is linting a file of its own.
      sendChunk(worker);
      sendChunk(worker);
    }
    const linter = new FileLinter(options);
    // One file per turn of the event loop, so that the workers' results and requests are handled in between.
    const lintNext = () => {
      if (settled || nextToTake >= files.length) return;
      const index = nextToTake++;
      try {
        store(index, linter.lint(files[index]));
        emit();
      } catch (error) {
        finish(error as Error);
        return;
      }
      setImmediate(lintNext);
    };
    setImmediate(lintNext);
  });
}
