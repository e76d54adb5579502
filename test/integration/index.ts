// Entry point of the integration suite inside VS Code's extension host.
// `run()` follows the @vscode/test-electron convention (resolve = all passed);
// `runSuite()` is what the code-server runner extension uses to collect results.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

export interface TestOutcome {
  readonly fullTitle: string;
  readonly state: 'passed' | 'failed';
  readonly durationMs: number;
  readonly error?: string;
}

export interface SuiteResult {
  readonly outcomes: readonly TestOutcome[];
  readonly passed: number;
  readonly failed: number;
  readonly durationMs: number;
  /** Figures recorded by tests with `recordMeasurement`, in milliseconds. */
  readonly measurements: Readonly<Record<string, number>>;
}

export interface SuiteOptions {
  /** Only run tests whose full title matches. */
  readonly grep?: string;
  readonly reporter?: string;
  /** The folder of test files beside this file: `suite` (the default), or `restricted` for the untrusted window. */
  readonly folder?: string;
  readonly onOutcome?: (outcome: TestOutcome) => void;
}

const TEST_TIMEOUT_MS = 60_000;

/** The compiled test files sit in `suite/` (and `restricted/`) beside this file once bundled. */
function testFiles(folder: string): string[] {
  const dir = join(__dirname, folder);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.test.js'))
    .sort()
    .map((name) => join(dir, name));
}

export function runSuite(options: SuiteOptions = {}): Promise<SuiteResult> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: TEST_TIMEOUT_MS, reporter: options.reporter ?? 'spec' });
  if (options.grep) mocha.grep(options.grep);
  for (const file of testFiles(options.folder ?? 'suite')) mocha.addFile(file);
  const outcomes: TestOutcome[] = [];
  const started = Date.now();
  const record = (outcome: TestOutcome) => {
    outcomes.push(outcome);
    options.onOutcome?.(outcome);
  };
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run(() => {
        const failed = outcomes.filter((outcome) => outcome.state === 'failed').length;
        const measurements = (globalThis as { imrMeasurements?: Record<string, number> }).imrMeasurements ?? {};
        resolve({ outcomes, passed: outcomes.length - failed, failed, durationMs: Date.now() - started, measurements });
      });
      runner.on('pass', (test) => record({ fullTitle: test.fullTitle(), state: 'passed', durationMs: test.duration ?? 0 }));
      // Hooks fail through the same event, so a broken `before` still counts as a failure.
      runner.on('fail', (test, error) =>
        record({ fullTitle: test.fullTitle(), state: 'failed', durationMs: test.duration ?? 0, error: describe(error) }),
      );
      // A skipped test must not pass silently.
      runner.on('pending', (test) =>
        record({ fullTitle: test.fullTitle(), state: 'failed', durationMs: 0, error: 'skipped tests are not allowed in this suite' }),
      );
    } catch (error) {
      reject(error);
    }
  });
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}

/** @vscode/test-electron entry point. */
export async function run(): Promise<void> {
  const result = await runSuite({ grep: process.env.IMR_INTEGRATION_GREP });
  if (result.failed > 0) throw new Error(`${result.failed} integration test(s) failed`);
  if (result.passed === 0) throw new Error('no integration test ran');
}
