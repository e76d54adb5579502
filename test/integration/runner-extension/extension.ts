// Test-only extension for the code-server run. When the workbench starts it
// loads the bundled integration suite named by IMR_INTEGRATION_SUITE, runs it,
// and writes the outcome as JSON to IMR_INTEGRATION_RESULTS; the harness
// waits for that file. Without those variables it does nothing.
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import type { SuiteResult, TestOutcome } from '../index';

interface SuiteModule {
  runSuite(options: { grep?: string; reporter?: string; folder?: string; onOutcome?: (outcome: TestOutcome) => void }): Promise<SuiteResult>;
}

function writeAtomically(path: string, value: unknown): void {
  writeFileSync(`${path}.tmp`, JSON.stringify(value, null, 2));
  renameSync(`${path}.tmp`, path);
}

export async function activate(): Promise<void> {
  const suitePath = process.env.IMR_INTEGRATION_SUITE;
  const resultsPath = process.env.IMR_INTEGRATION_RESULTS;
  // A reloaded window starts a new extension host; the suite runs once per code-server run.
  if (!suitePath || !resultsPath || existsSync(resultsPath)) return;
  const progressPath = `${resultsPath}.progress`;
  const outcomes: TestOutcome[] = [];
  // Tells the harness the runner is alive before the first test finishes.
  writeAtomically(progressPath, { outcomes });
  try {
    // A runtime path: the suite is built separately and must not be bundled here.
    const suite = require(suitePath) as SuiteModule;
    const result = await suite.runSuite({
      grep: process.env.IMR_INTEGRATION_GREP || undefined,
      folder: process.env.IMR_INTEGRATION_FOLDER || undefined,
      reporter: 'dot',
      onOutcome: (outcome) => {
        outcomes.push(outcome);
        writeAtomically(progressPath, { outcomes });
      },
    });
    writeAtomically(resultsPath, { ...result, crashed: null });
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    const failed = outcomes.filter((outcome) => outcome.state === 'failed').length;
    writeAtomically(resultsPath, { outcomes, passed: outcomes.length - failed, failed, durationMs: 0, crashed: message });
  }
}

export function deactivate(): void {}
