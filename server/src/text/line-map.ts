import type { Span } from './span';

interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/**
 * Converts offsets to zero-based line/character positions the way LSP counts
 * them: `\n`, `\r\n` and a lone `\r` end a line, characters are UTF-16 units.
 */
export class LineMap {
  private readonly lineStarts: number[];

  constructor(private readonly text: string) {
    const starts = [0];
    // The next \n and \r (-1: none left), found with indexOf, which is much faster than testing
    // every character; each is searched again only once a line start passes it.
    let lineFeed = text.indexOf('\n');
    let carriageReturn = text.indexOf('\r');
    while (lineFeed >= 0 || carriageReturn >= 0) {
      const next =
        carriageReturn >= 0 && (lineFeed < 0 || carriageReturn < lineFeed)
          ? carriageReturn + (text.charCodeAt(carriageReturn + 1) === 10 ? 2 : 1)
          : lineFeed + 1;
      starts.push(next);
      if (lineFeed >= 0 && lineFeed < next) lineFeed = text.indexOf('\n', next);
      if (carriageReturn >= 0 && carriageReturn < next) carriageReturn = text.indexOf('\r', next);
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.lineStarts[low] };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const lineStart = this.lineStarts[position.line];
    const nextLineStart = position.line + 1 < this.lineStarts.length ? this.lineStarts[position.line + 1] : this.text.length;
    return Math.min(lineStart + Math.max(0, position.character), nextLineStart);
  }

  rangeOf(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }
}
