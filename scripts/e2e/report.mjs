// Prints outcomes the way mocha's spec reporter does, and the closing line
// "N passed, N failed" that CI reads.
const GREEN = process.stdout.isTTY ? '\x1b[32m' : '';
const RED = process.stdout.isTTY ? '\x1b[31m' : '';
const DIM = process.stdout.isTTY ? '\x1b[2m' : '';
const RESET = process.stdout.isTTY ? '\x1b[0m' : '';

export class Report {
  constructor() {
    this.groups = [];
    this.failures = [];
    this.started = Date.now();
  }

  group(title) {
    const group = { title, outcomes: [] };
    this.groups.push(group);
    process.stdout.write(`\n  ${title}\n`);
    return {
      add: (outcome) => this.add(group, outcome),
    };
  }

  add(group, { fullTitle, state, durationMs = 0, error }) {
    group.outcomes.push({ fullTitle, state, durationMs, error });
    const time = durationMs >= 75 ? ` ${DIM}(${durationMs}ms)${RESET}` : '';
    if (state === 'passed') {
      process.stdout.write(`    ${GREEN}✔${RESET} ${fullTitle}${time}\n`);
    } else {
      this.failures.push({ fullTitle: `${group.title}: ${fullTitle}`, error });
      process.stdout.write(`    ${RED}${this.failures.length}) ${fullTitle}${RESET}\n`);
    }
  }

  get passed() {
    return this.groups.reduce((sum, group) => sum + group.outcomes.filter((outcome) => outcome.state === 'passed').length, 0);
  }

  get failed() {
    return this.failures.length;
  }

  finish() {
    const seconds = Math.round((Date.now() - this.started) / 1000);
    process.stdout.write(`\n  ${GREEN}${this.passed} passing${RESET} ${DIM}(${seconds}s)${RESET}\n`);
    if (this.failed) process.stdout.write(`  ${RED}${this.failed} failing${RESET}\n`);
    this.failures.forEach((failure, index) => {
      process.stdout.write(`\n  ${index + 1}) ${failure.fullTitle}:\n`);
      const text = String(failure.error ?? 'failed').split('\n').slice(0, 25).join('\n      ');
      process.stdout.write(`      ${RED}${text}${RESET}\n`);
    });
    process.stdout.write(`\n${this.passed} passed, ${this.failed} failed\n`);
    return this.failed === 0 && this.passed > 0 ? 0 : 1;
  }
}
