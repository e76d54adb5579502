import type { TokenList } from '../../server/src/language/tokens';

/** A token list as plain rows, for assertions that compare or inspect tokens. */
export function tokenRows(tokens: TokenList): { kind: string; norm: string; start: number; end: number; spaceBefore: boolean }[] {
  return Array.from({ length: tokens.length }, (_, index) => ({
    kind: tokens.kind(index),
    norm: tokens.norm(index),
    start: tokens.start(index),
    end: tokens.end(index),
    spaceBefore: tokens.spaceBefore(index),
  }));
}
