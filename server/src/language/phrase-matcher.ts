import type { Span } from '../text/span';
import { plainWords, tokenList, vocabularyWordId, WordVerdicts, type TokenList } from './tokens';

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
  /** By the word id of the next token (`TokenList.id`), which compares faster than its text. */
  readonly children: Map<number, Node<T>>;
  readonly prefixes: Array<[string, Node<T>]>;
  numberChild?: Node<T>;
  value?: T;
  phrase?: string;
}

function newNode<T>(): Node<T> {
  return { children: new Map(), prefixes: [] };
}

const HYPHEN = vocabularyWordId('-', 'punct');

export class PhraseMatcher<T> {
  private readonly root: Node<T> = newNode();
  /** Whether a phrase can start with a token, decided once per word. */
  private readonly starts = new WordVerdicts((tokens, index) => this.canStart(tokens, index));
  /** The longest match of the walk in progress (a walk never calls out, so one per matcher suffices). */
  private bestNode: Node<T> | null = null;
  private bestEnd = -1;

  /**
   * With `names`, phrases are names (of guidelines, sections, terms) taken literally, without the
   * `word*` and `{num}` syntax, and punctuation is ignored in them and in the text: "Opioids,
   * criteria for use" then matches the name "Opioids - Criteria for Use".
   */
  constructor(
    entries: Iterable<readonly [string, T]>,
    private readonly options: { readonly names?: boolean } = {},
  ) {
    for (const [phrase, value] of entries) this.add(phrase, value);
  }

  /** Adds a phrase; when the same phrase is already there, the first value stays. */
  add(phrase: string, value: T): void {
    this.update(phrase, (existing) => existing ?? value);
  }

  /** Sets a phrase's value from the one it has (undefined when new), e.g. to collect several values under one name. */
  update(phrase: string, value: (existing: T | undefined) => T): void {
    const parts = phrasePattern(phrase, this.options.names === true);
    // A name with no words (a user's "—") can never match.
    if (parts.length === 0) return;
    let node = this.root;
    for (const part of parts) {
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
        next = node.children.get(part.id);
        if (!next) {
          next = newNode();
          node.children.set(part.id, next);
        }
      }
      node = next;
    }
    node.phrase ??= phrase;
    node.value = value(node.value);
  }

  /** The longest phrase starting at token `index`, not reaching past `limit`. */
  matchAt(tokens: TokenList, index: number, limit = tokens.length): TermMatch<T> | null {
    const end = this.matchEndAt(tokens, index, limit);
    return end < 0 ? null : this.lastMatch(tokens, index, end);
  }

  /** The match the last successful `matchEndAt` found. */
  private lastMatch(tokens: TokenList, index: number, end: number): TermMatch<T> {
    const node = this.bestNode as Node<T>;
    return {
      value: node.value as T,
      phrase: node.phrase as string,
      first: index,
      end,
      span: { start: tokens.start(index), end: tokens.end(end - 1) },
    };
  }

  /** Whether any phrase can start with the token at `index`: `matchAt` there is null when this is false. */
  canStartAt(tokens: TokenList, index: number): boolean {
    return this.starts.get(tokens, index);
  }

  /** Like `matchAt` without building the match: the end of the longest phrase at `index`, or -1. */
  private matchEndAt(tokens: TokenList, index: number, limit: number): number {
    if (index >= limit || !this.starts.get(tokens, index)) return -1;
    return this.longestFrom(tokens, index, limit);
  }

  /** `matchEndAt` for an index where a phrase can start. */
  private longestFrom(tokens: TokenList, index: number, limit: number): number {
    this.bestNode = null;
    this.bestEnd = -1;
    this.walk(tokens, this.root, index, 0, limit);
    return this.bestNode ? this.bestEnd : -1;
  }

  /** Can a phrase start with this token at all? Asked once per word through `starts`. */
  private canStart(tokens: TokenList, index: number): boolean {
    const root = this.root;
    if (root.children.has(tokens.id(index))) return true;
    if (tokens.isNumber(index)) return root.numberChild !== undefined;
    if (!tokens.isWord(index)) return false;
    const norm = tokens.norm(index);
    const prefixes = root.prefixes;
    for (let index = 0; index < prefixes.length; index++) if (norm.startsWith(prefixes[index][0])) return true;
    return false;
  }

  private walk(tokens: TokenList, node: Node<T>, position: number, depth: number, limit: number): void {
    if (node.value !== undefined && depth > 0 && position > this.bestEnd) {
      this.bestNode = node;
      this.bestEnd = position;
    }
    let at = position;
    if (depth > 0) {
      if (this.options.names) while (at < limit && tokens.isPunct(at)) at++;
      else while (at < limit && tokens.id(at) === HYPHEN && !node.children.has(HYPHEN)) at++;
    }
    if (at >= limit) return;
    const exact = node.children.get(tokens.id(at));
    if (exact) this.walk(tokens, exact, at + 1, depth + 1, limit);
    if (node.numberChild && tokens.isNumber(at)) this.walk(tokens, node.numberChild, at + 1, depth + 1, limit);
    if (node.prefixes.length > 0 && tokens.isWord(at)) {
      const norm = tokens.norm(at);
      const prefixes = node.prefixes;
      for (let index = 0; index < prefixes.length; index++) {
        if (norm.startsWith(prefixes[index][0])) this.walk(tokens, prefixes[index][1], at + 1, depth + 1, limit);
      }
    }
  }

  /** Non-overlapping matches from left to right, preferring the longest at each position. */
  findAll(tokens: TokenList, from = 0, to = tokens.length): TermMatch<T>[] {
    const matches: TermMatch<T>[] = [];
    // Each search leaves the end of the match it found in bestEnd; the next one starts there.
    for (let index = this.nextMatch(tokens, from, to); index >= 0; index = this.nextMatch(tokens, this.bestEnd, to)) {
      matches.push(this.lastMatch(tokens, index, this.bestEnd));
    }
    return matches;
  }

  /** The first match in `tokens[from..to)`, or null. */
  findFirst(tokens: TokenList, from = 0, to = tokens.length): TermMatch<T> | null {
    const index = this.nextMatch(tokens, from, to);
    return index >= 0 ? this.lastMatch(tokens, index, this.bestEnd) : null;
  }

  /**
   * Where the first match in `tokens[from..to)` starts, or -1, without building
   * it; `lastMatchEnd` then tells where it ends. Going on from `lastMatchEnd`
   * visits the same matches as `findAll`.
   */
  nextMatch(tokens: TokenList, from: number, to: number): number {
    for (let index = tokens.firstYes(this.starts, from, to); index >= 0; index = tokens.firstYes(this.starts, index + 1, to)) {
      if (this.longestFrom(tokens, index, to) >= 0) return index;
    }
    return -1;
  }

  /** The end of the match `nextMatch` last found; read it before matching anything else with this matcher. */
  get lastMatchEnd(): number {
    return this.bestEnd;
  }

  /** Whether any phrase occurs in `tokens[from..to)`: `findFirst(...) !== null` without building the match. */
  occursIn(tokens: TokenList, from = 0, to = tokens.length): boolean {
    return this.nextMatch(tokens, from, to) >= 0;
  }
}

/** `id` is the word id of an exact part; `text` the start of the words a prefix part takes. */
type PatternPart = { kind: 'exact' | 'prefix' | 'number'; text: string; id: number };

function phrasePattern(phrase: string, names: boolean): PatternPart[] {
  const parts: PatternPart[] = [];
  if (names) {
    const tokens = tokenList(phrase);
    for (let index = 0; index < tokens.length; index++) {
      if (!tokens.isPunct(index)) parts.push({ kind: 'exact', text: tokens.norm(index), id: vocabularyWordId(tokens.norm(index), tokens.kind(index)) });
    }
    return parts;
  }
  for (const chunk of phrase.trim().split(/\s+/)) {
    if (chunk === '{num}') {
      parts.push({ kind: 'number', text: '', id: 0 });
      continue;
    }
    const isPrefix = chunk.length > 1 && chunk.endsWith('*');
    const body = isPrefix ? chunk.slice(0, -1) : chunk;
    const plain = plainWords(body);
    if (plain !== null) {
      // Read as the tokenizer reads it: digits without a letter are a number.
      parts.push({ kind: isPrefix ? 'prefix' : 'exact', text: plain, id: vocabularyWordId(plain, /[a-z]/.test(plain) ? 'word' : 'number') });
      continue;
    }
    const tokens = tokenList(body);
    for (let index = 0; index < tokens.length; index++) {
      const last = index === tokens.length - 1;
      if (tokens.norm(index) === '-' && index > 0) continue;
      parts.push({ kind: isPrefix && last ? 'prefix' : 'exact', text: tokens.norm(index), id: vocabularyWordId(tokens.norm(index), tokens.kind(index)) });
    }
  }
  if (parts.length === 0) throw new Error(`Empty phrase: "${phrase}"`);
  return parts;
}

/** Convenience: a matcher whose value is the phrase itself. */
export function phraseSet(phrases: Iterable<string>): PhraseMatcher<string> {
  return new PhraseMatcher([...phrases].map((phrase) => [phrase, phrase] as const));
}
