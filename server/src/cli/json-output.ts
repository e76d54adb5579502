/** What `JSON.stringify({ files: [file] }, null, 2)` puts around the one file. */
const PREFIX = '{\n  "files": [\n';
const SUFFIX = '\n  ]\n}';
/** Output is handed on in pieces of about this many characters rather than one write per file. */
const FLUSH_AT = 1 << 16;

/**
 * Writes `{ "files": [...] }` file by file, with `"problems": [...]` after them when the run had
 * any, byte for byte as `JSON.stringify(value, null, 2)` would write it whole, so that a batch of
 * any size needs no more memory than one file's result and the output starts before the last
 * letter is read.
 */
export class JsonFilesWriter {
  private count = 0;
  private pending = '';

  constructor(private readonly write: (chunk: string) => void) {}

  add(file: unknown): void {
    // Indented as it is inside the array: stringified in place, then the wrapper cut off.
    const wrapped = JSON.stringify({ files: [file] }, null, 2);
    this.pending += (this.count++ === 0 ? PREFIX : ',\n') + wrapped.slice(PREFIX.length, wrapped.length - SUFFIX.length);
    if (this.pending.length >= FLUSH_AT) this.flush();
  }

  /** Closes the output; `problems` are the run's own (a broken config or knowledge file, an input that named nothing). */
  end(problems: readonly string[] = []): void {
    if (problems.length === 0) {
      this.pending += this.count === 0 ? '{\n  "files": []\n}\n' : `${SUFFIX}\n`;
    } else {
      // `"problems": [...]` as the whole object would have it, after the files' array is closed.
      const tail = JSON.stringify({ problems }, null, 2).slice('{\n'.length);
      this.pending += `${this.count === 0 ? '{\n  "files": []' : SUFFIX.slice(0, -'\n}'.length)},\n${tail}\n`;
    }
    this.flush();
  }

  private flush(): void {
    this.write(this.pending);
    this.pending = '';
  }
}
