import type { Span } from '../letter/model';
import { tokenize, type Token } from './tokens';

/**
 * Phrase matching over token streams. A phrase is written as words separated by
 * spaces; `word*` matches any word starting with `word`, `{num}` matches any
 * number. Hyphens in the text are skipped, so "drug taking" also finds
 * "drug-taking" and a line-end "drug-\ntaking".
 */
export interface TermMatch<T> {
  readonly value: T;
  readonly phrase: string;
  /** Token index of the first matched token. */
  readonly first: number;
  /** Token index one past the last matched token. */
  readonly end: number;
  readonly span: Span;
}

interface Node<T> {
  readonly children: Map<string, Node<T>>;
  readonly prefixes: Array<[string, Node<T>]>;
  numberChild?: Node<T>;
  value?: T;
  phrase?: string;
}

function newNode<T>(): Node<T> {
  return { children: new Map(), prefixes: [] };
}

export class PhraseMatcher<T> {
  private readonly root: Node<T> = newNode();

  constructor(entries: Iterable<readonly [string, T]>) {
    for (const [phrase, value] of entries) this.add(phrase, value);
  }

  add(phrase: string, value: T): void {
    let node = this.root;
    for (const part of phrasePattern(phrase)) {
      let next: Node<T> | undefined;
      if (part.kind === 'number') {
        next = node.numberChild ??= newNode();
      } else if (part.kind === 'prefix') {
        next = node.prefixes.find(([prefix]) => prefix === part.text)?.[1];
        if (!next) {
          next = newNode();
          node.prefixes.push([part.text, next]);
        }
      } else {
        next = node.children.get(part.text);
        if (!next) {
          next = newNode();
          node.children.set(part.text, next);
        }
      }
      node = next;
    }
    if (node.value === undefined) {
      node.value = value;
      node.phrase = phrase;
    }
  }

  /** The longest phrase starting at token `index`, not reaching past `limit`. */
  matchAt(tokens: readonly Token[], index: number, limit = tokens.length): TermMatch<T> | null {
    if (index >= limit || !this.canStart(tokens[index])) return null;
    const best = { node: null as Node<T> | null, end: -1 };
    this.walk(tokens, this.root, index, 0, limit, best);
    if (!best.node) return null;
    return {
      value: best.node.value as T,
      phrase: best.node.phrase as string,
      first: index,
      end: best.end,
      span: { start: tokens[index].start, end: tokens[best.end - 1].end },
    };
  }

  /** Cheap test that rules out most tokens before any walking: can a phrase start here at all? */
  private canStart(token: Token): boolean {
    const root = this.root;
    if (root.children.has(token.norm)) return true;
    if (token.kind === 'number') return root.numberChild !== undefined;
    if (token.kind !== 'word') return false;
    for (const [prefix] of root.prefixes) if (token.norm.startsWith(prefix)) return true;
    return false;
  }

  private walk(tokens: readonly Token[], node: Node<T>, position: number, depth: number, limit: number, best: { node: Node<T> | null; end: number }): void {
    if (node.value !== undefined && depth > 0 && position > best.end) {
      best.node = node;
      best.end = position;
    }
    let at = position;
    if (depth > 0) {
      while (at < limit && tokens[at].norm === '-' && !node.children.has('-')) at++;
    }
    if (at >= limit) return;
    const token = tokens[at];
    const exact = node.children.get(token.norm);
    if (exact) this.walk(tokens, exact, at + 1, depth + 1, limit, best);
    if (token.kind === 'number' && node.numberChild) this.walk(tokens, node.numberChild, at + 1, depth + 1, limit, best);
    if (token.kind === 'word') {
      for (const [prefix, child] of node.prefixes) {
        if (token.norm.startsWith(prefix)) this.walk(tokens, child, at + 1, depth + 1, limit, best);
      }
    }
  }

  /** Non-overlapping matches from left to right, preferring the longest at each position. */
  findAll(tokens: readonly Token[], from = 0, to = tokens.length): TermMatch<T>[] {
    const matches: TermMatch<T>[] = [];
    let index = from;
    while (index < to) {
      const match = this.matchAt(tokens, index, to);
      if (match) {
        matches.push(match);
        index = match.end;
      } else {
        index++;
      }
    }
    return matches;
  }

  /** The first match in `tokens[from..to)`, or null. */
  findFirst(tokens: readonly Token[], from = 0, to = tokens.length): TermMatch<T> | null {
    for (let index = from; index < to; index++) {
      const match = this.matchAt(tokens, index, to);
      if (match) return match;
    }
    return null;
  }
}

type PatternPart = { kind: 'exact' | 'prefix' | 'number'; text: string };

function phrasePattern(phrase: string): PatternPart[] {
  const parts: PatternPart[] = [];
  for (const chunk of phrase.trim().split(/\s+/)) {
    if (chunk === '{num}') {
      parts.push({ kind: 'number', text: '' });
      continue;
    }
    const isPrefix = chunk.length > 1 && chunk.endsWith('*');
    const body = isPrefix ? chunk.slice(0, -1) : chunk;
    const tokens = tokenize(body);
    tokens.forEach((token, index) => {
      const last = index === tokens.length - 1;
      if (token.norm === '-' && index > 0) return;
      parts.push({ kind: isPrefix && last ? 'prefix' : 'exact', text: token.norm });
    });
  }
  if (parts.length === 0) throw new Error(`Empty phrase: "${phrase}"`);
  return parts;
}

/** Convenience: a matcher whose value is the phrase itself. */
export function phraseSet(phrases: Iterable<string>): PhraseMatcher<string> {
  return new PhraseMatcher([...phrases].map((phrase) => [phrase, phrase] as const));
}
