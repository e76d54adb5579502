import { phraseTokens, tokenize, type Token } from './normalize';
import type { Span } from '../text/span';

interface TrieNode<T> {
  readonly children: Map<string, TrieNode<T>>;
  values: T[];
}

export interface PhraseMatch<T> {
  readonly values: readonly T[];
  readonly span: Span;
  /** The matched phrase as it appears in the text. */
  readonly text: string;
}

/**
 * Finds dictionary phrases in text by walking a token trie: one pass over the tokens,
 * longest phrase wins, matches do not overlap. Work is bounded by text tokens x longest phrase.
 */
export class PhraseMatcher<T> {
  private readonly root: TrieNode<T> = { children: new Map(), values: [] };

  add(phrase: string, value: T): void {
    const tokens = phraseTokens(phrase);
    if (tokens.length === 0) return;
    let node = this.root;
    for (const token of tokens) {
      let next = node.children.get(token);
      if (!next) {
        next = { children: new Map(), values: [] };
        node.children.set(token, next);
      }
      node = next;
    }
    if (!node.values.includes(value)) node.values.push(value);
  }

  findAll(text: string, base = 0): PhraseMatch<T>[] {
    return this.matchTokens(tokenize(text, base), text, base);
  }

  /** Whole-text match only: the phrase must cover every token. */
  exact(text: string): readonly T[] {
    const tokens = tokenize(text);
    let node: TrieNode<T> | undefined = this.root;
    for (const token of tokens) {
      node = node.children.get(token.text);
      if (!node) return [];
    }
    return tokens.length ? node.values : [];
  }

  private matchTokens(tokens: readonly Token[], text: string, base: number): PhraseMatch<T>[] {
    const matches: PhraseMatch<T>[] = [];
    let i = 0;
    while (i < tokens.length) {
      let node: TrieNode<T> | undefined = this.root;
      let best: { end: number; values: T[] } | null = null;
      for (let j = i; j < tokens.length; j++) {
        node = node.children.get(tokens[j].text);
        if (!node) break;
        if (node.values.length) best = { end: j, values: node.values };
      }
      if (best) {
        const span = { start: tokens[i].start, end: tokens[best.end].end };
        matches.push({ values: best.values, span, text: text.slice(span.start - base, span.end - base) });
        i = best.end + 1;
      } else {
        i++;
      }
    }
    return matches;
  }
}
