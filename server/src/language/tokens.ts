import type { Span } from '../text/span';

type TokenKind = 'word' | 'number' | 'punct';

const WORD = 0;
const NUMBER = 1;
const PUNCT = 2;
const KIND_MASK = 3;
const SPACE_BEFORE = 4;
const KIND_NAMES: readonly TokenKind[] = ['word', 'number', 'punct'];

/*
 * The word table: one process-wide table of the distinct token texts ("words")
 * seen so far, each with the kind of token it came from. Tokens store the id of
 * their word, so tokenizing allocates no string per token, and anything decided
 * about a word (can a phrase start with it?) can be remembered by id. It lives
 * in this module because the tokenizer consults it for every token and
 * character, and calls within a module stay cheap however the code is loaded.
 *
 * Words read from documents stop being added at `MAX_DOCUMENT_WORDS`; later
 * new ones get UNLISTED_WORD and a string of their own, so a stream of random
 * words cannot grow memory without bound. Vocabulary words (phrase lists, drug
 * names) are always added. Ids are never reused, so a cached answer stays valid.
 */

/** The id of a document word that did not fit in the table; nothing is cached under it. */
const UNLISTED_WORD = 0;
const MAX_DOCUMENT_WORDS = 1 << 18;
/** Longer words are not kept: they are rarely repeated, and copying them out of the document would cost. */
const MAX_LISTED_LENGTH = 40;

const texts: string[] = [''];
const kinds: number[] = [-1];
let hashes = new Int32Array(1024);
/** Open addressing: slot → word id, 0 when empty; kept at most half full. */
let slots = new Int32Array(2048);

/** FNV-1a over UTF-16 code units; the tokenizer feeds it the folded code units while it scans. */
const HASH_START = 0x811c9dc5 | 0;
const FNV_PRIME = 16777619;
function hashStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, FNV_PRIME);
}

/** How a word's text is normalised: ASCII lower case, and a typographic apostrophe becomes "'". */
function foldCode(code: number): number {
  if (code >= 65 && code <= 90) return code + 32;
  return code === 0x2019 ? 39 : code;
}

/** `text[start..end)` normalised like `foldCode` does, with full Unicode lower-casing. */
function foldedSlice(text: string, start: number, end: number): string {
  return text.slice(start, end).toLowerCase().replace(/\u2019/g, "'");
}

function wordText(id: number): string {
  return texts[id];
}

/** Adds the document word `text[start..end)` at `slot` when there is room, and returns its id; otherwise UNLISTED_WORD. */
function newDocumentWord(text: string, start: number, end: number, kind: number, folds: boolean, keyHash: number, slot: number): number {
  if (texts.length >= MAX_DOCUMENT_WORDS || end - start > MAX_LISTED_LENGTH) return UNLISTED_WORD;
  return addWord(ownCopy(folds ? foldedSlice(text, start, end) : text.slice(start, end)), kind, keyHash, slot);
}

function sameFolded(word: string, text: string, start: number, length: number): boolean {
  if (word.length !== length) return false;
  for (let offset = 0; offset < length; offset++) {
    // foldCode, written out: see tokenList for why.
    let code = text.charCodeAt(start + offset);
    if (code >= 65 && code <= 90) code += 32;
    else if (code === 0x2019) code = 39;
    if (word.charCodeAt(offset) !== code) return false;
  }
  return true;
}

/** The id of an already normalised word of token kind `kind`; `vocabulary` words are added even when the table is full. */
function wordId(norm: string, kind: number, vocabulary: boolean): number {
  let hash = HASH_START;
  for (let index = 0; index < norm.length; index++) hash = hashStep(hash, norm.charCodeAt(index));
  const keyHash = hashStep(hash, kind);
  const mask = slots.length - 1;
  let slot = keyHash & mask;
  for (let id = slots[slot]; id !== 0; id = slots[slot]) {
    if (hashes[id] === keyHash && kinds[id] === kind && texts[id] === norm) return id;
    slot = (slot + 1) & mask;
  }
  if (!vocabulary && (texts.length >= MAX_DOCUMENT_WORDS || norm.length > MAX_LISTED_LENGTH)) return UNLISTED_WORD;
  return addWord(ownCopy(norm), kind, keyHash, slot);
}

/**
 * A slice of 13 or more characters shares the document's memory; the table
 * must hold a string of its own so that it never keeps a whole letter alive.
 */
function ownCopy(word: string): string {
  if (word.length < 13) return word;
  let copy = '';
  // In pieces: a call takes only so many arguments, and a vocabulary word has no length limit.
  for (let from = 0; from < word.length; from += 4096) {
    const codes: number[] = [];
    for (let index = from; index < Math.min(word.length, from + 4096); index++) codes.push(word.charCodeAt(index));
    copy += String.fromCharCode(...codes);
  }
  return copy;
}

function addWord(norm: string, kind: number, keyHash: number, slot: number): number {
  const id = texts.length;
  texts.push(norm);
  kinds.push(kind);
  if (id >= hashes.length) {
    const grown = new Int32Array(hashes.length * 2);
    grown.set(hashes);
    hashes = grown;
  }
  hashes[id] = keyHash;
  slots[slot] = id;
  if (texts.length * 2 > slots.length) rehash(slots.length * 2);
  return id;
}

function rehash(size: number): void {
  slots = new Int32Array(size);
  const mask = size - 1;
  for (let id = 1; id < texts.length; id++) {
    let slot = hashes[id] & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = id;
  }
}

/** Integers per token in `TokenList.data`: word id, start, end, flags (kind and SPACE_BEFORE). */
const STRIDE = 4;

/**
 * The tokens of a passage as rows of four integers in part of an Int32Array,
 * rather than as an object per token, so that tokenizing allocates almost
 * nothing and the garbage collector has nothing to trace. Token texts live in
 * the shared word table above, so `norm(index)` returns a shared string.
 */
export class TokenList {
  /** Built by `tokenList` or a `TokenListBuilder`. */
  constructor(
    private readonly data: Int32Array,
    /** Where token 0 starts in `data`. */
    private readonly base: number,
    readonly length: number,
    /** Texts of tokens whose word did not fit in the word table, by token index. */
    private readonly unlisted: ReadonlyMap<number, string> | null,
  ) {}

  /** Id of the token's text in the word table; tokens of equal text and kind have equal ids. */
  id(index: number): number {
    return this.data[this.base + index * STRIDE];
  }

  norm(index: number): string {
    const id = this.data[this.base + index * STRIDE];
    return id !== UNLISTED_WORD ? wordText(id) : (this.unlisted?.get(index) ?? '');
  }

  start(index: number): number {
    return this.data[this.base + index * STRIDE + 1];
  }

  end(index: number): number {
    return this.data[this.base + index * STRIDE + 2];
  }

  /** The index of the first token that ends after `offset` (`length` when none does), by binary search. */
  indexAt(offset: number): number {
    let low = 0;
    let high = this.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.end(mid) <= offset) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  kind(index: number): TokenKind {
    return KIND_NAMES[this.data[this.base + index * STRIDE + 3] & KIND_MASK];
  }

  isWord(index: number): boolean {
    return (this.data[this.base + index * STRIDE + 3] & KIND_MASK) === WORD;
  }

  isNumber(index: number): boolean {
    return (this.data[this.base + index * STRIDE + 3] & KIND_MASK) === NUMBER;
  }

  isPunct(index: number): boolean {
    return (this.data[this.base + index * STRIDE + 3] & KIND_MASK) === PUNCT;
  }

  spaceBefore(index: number): boolean {
    return (this.data[this.base + index * STRIDE + 3] & SPACE_BEFORE) !== 0;
  }

  /**
   * The first index in `[from, to)` whose word `verdicts` says yes to, or -1.
   * Phrase matchers run this over every token they search, so it reads the
   * verdicts in one loop rather than through a call per token.
   */
  firstYes(verdicts: WordVerdicts, from: number, to: number): number {
    const data = this.data;
    let table = verdicts.table;
    for (let index = from; index < to; index++) {
      const id = data[this.base + index * STRIDE];
      const known = id < table.length ? table[id] : UNKNOWN;
      if (known === NO) continue;
      if (known === YES) return index;
      if (verdicts.get(this, index)) return index;
      table = verdicts.table;
    }
    return -1;
  }

  /** `norm(index) === norm`, or false when `index` is out of range. */
  is(index: number, norm: string): boolean {
    return index >= 0 && index < this.length && this.norm(index) === norm;
  }

  /** Adds these tokens, in order, to a list being built (see `tokensBefore`). */
  appendTo(builder: TokenListBuilder): void {
    for (let index = 0; index < this.length; index++) {
      const flags = this.data[this.base + index * STRIDE + 3];
      builder.add(this.id(index), this.start(index), this.end(index), flags & KIND_MASK, (flags & SPACE_BEFORE) !== 0, this.unlisted?.get(index) ?? null);
    }
  }

  /**
   * The same tokens with every token that `selected` picks read as the word
   * `replacementId` instead, or this list itself when it picks none.
   */
  withWordsReplaced(selected: WordVerdicts, replacementId: number): TokenList {
    let index = this.firstYes(selected, 0, this.length);
    if (index < 0) return this;
    const data = this.data.slice(this.base, this.base + this.length * STRIDE);
    for (; index >= 0; index = this.firstYes(selected, index + 1, this.length)) data[index * STRIDE] = replacementId;
    return new TokenList(data, 0, this.length, this.unlisted);
  }
}

/*
 * Token storage is carved out of shared blocks: each list takes the next free
 * part of the current block, so tokenizing a passage allocates no typed array
 * of its own (allocating one costs about a microsecond, outside the heap). A
 * block stays alive while any list in it does; lists are never written after
 * they are built, so sharing is safe.
 */
const BLOCK_INTS = 1 << 16;
/** Tokens `tokenize` makes room for at a time. */
const RUN_TOKENS = 1024;
let block = new Int32Array(BLOCK_INTS);
let blockUsed = 0;

/** Builds a TokenList token by token, in text order, at the free end of the current block. */
class TokenListBuilder {
  private data = block;
  private base = blockUsed;
  private length = 0;
  private unlisted: Map<number, string> | null = null;

  /** `norm` is only needed (and only kept) when `id` is UNLISTED_WORD. */
  add(id: number, start: number, end: number, kind: number, spaceBefore: boolean, norm: string | null): void {
    this.reserve(1);
    const data = this.data;
    const at = this.base + this.length * STRIDE;
    data[at] = id;
    data[at + 1] = start;
    data[at + 2] = end;
    data[at + 3] = spaceBefore ? kind | SPACE_BEFORE : kind;
    if (id === UNLISTED_WORD) (this.unlisted ??= new Map()).set(this.length, norm ?? '');
    this.length++;
  }

  /** Makes room for `tokens` more tokens: when the current block is too full, moves this list to a fresh block, which later lists use too. */
  private reserve(tokens: number): void {
    if (this.base + (this.length + tokens) * STRIDE <= this.data.length) return;
    const used = this.length * STRIDE;
    block = new Int32Array(Math.max(BLOCK_INTS, (used + tokens * STRIDE) * 2));
    block.set(this.data.subarray(this.base, this.base + used));
    this.data = block;
    this.base = 0;
  }

  /**
   * Adds the tokens of `text[from..end)`, as `tokenList` describes them. Each token is written
   * into the storage here rather than through `add`: the CLI's engine inlines no calls, and without
   * a call per token tokenizing took 0.97 of the time warm and 0.91 in a fresh process
   * (BENCHMARKS.md, fifteenth session).
   */
  tokenize(text: string, from: number, end: number): void {
    let index = from;
    let sawSpace = true;
    while (index < end) {
      // Room is made for a run of tokens at a time, before the loop that writes them, so that loop has
      // no rarely taken path: a path the engine has never seen run when it optimises the loop undoes
      // the optimised code the first time it runs, and the loop is compiled again (BENCHMARKS.md,
      // sixteenth session).
      this.reserve(RUN_TOKENS);
      const data = this.data;
      let at = this.base + this.length * STRIDE;
      let count = this.length;
      const stop = count + RUN_TOKENS;
      while (index < end && count < stop) {
        const first = text.charCodeAt(index);
        // On the paths taken for every character, classify, foldCode and hashStep are written out: until
        // the engine has optimised this loop, which takes much of a short CLI run, a call per character
        // costs more than the work it does. Folding there needs only A-Z, because U+2019, the other
        // character foldCode changes, is never a letter or digit; it is folded on the apostrophe path.
        // The rare paths (decimal points, apostrophes) still call the helpers.
        const cls = first < CLASS_COUNT ? CLASSES[first] : OTHER;
        if (cls === SPACE) {
          sawSpace = true;
          index++;
          continue;
        }
        const start = index;
        let id: number;
        let kind: number;
        /** The token's text when its word may not be in the table (UNLISTED_WORD). */
        let norm: string | null = null;
        if (cls === LETTER || cls === DIGIT || (first === PERIOD && isLeadingDecimal(text, index, end))) {
          let hasLetter = cls === LETTER;
          // Non-ASCII letters need full Unicode lower-casing, which the hashed fast path does not do.
          let plain = first < 128;
          let hash = Math.imul(HASH_START ^ (first >= 65 && first <= 90 ? first + 32 : first), FNV_PRIME);
          // Whether the word gets lower-cased at all, and whether a letter right after an apostrophe would keep its case then (see below).
          let folds = hasLetter && !(first >= 97 && first <= 122);
          let caseAfterApostrophe = false;
          index++;
          while (index < end) {
            const code = text.charCodeAt(index);
            const next = code < CLASS_COUNT ? CLASSES[code] : OTHER;
            if (next === LETTER) {
              hasLetter = true;
              if (code >= 128) plain = false;
              if (code >= 97 && code <= 122) {
                hash = Math.imul(hash ^ code, FNV_PRIME);
              } else {
                folds = true;
                hash = Math.imul(hash ^ (code >= 65 && code <= 90 ? code + 32 : code), FNV_PRIME);
              }
              index++;
            } else if (next === DIGIT) {
              hash = Math.imul(hash ^ code, FNV_PRIME);
              index++;
            } else if (code === PERIOD && !hasLetter && index + 1 < end && classify(text.charCodeAt(index + 1)) === DIGIT) {
              // A decimal point inside a number ("0.5", "111.2"), never a sentence end.
              hash = hashStep(hashStep(hash, code), text.charCodeAt(index + 1));
              index += 2;
            } else if ((code === APOSTROPHE || code === TYPOGRAPHIC_APOSTROPHE) && hasLetter && index + 1 < end && classify(text.charCodeAt(index + 1)) === LETTER) {
              const after = text.charCodeAt(index + 1);
              if (after >= 128) plain = false;
              if (code === TYPOGRAPHIC_APOSTROPHE) folds = true;
              if (!isLowerAscii(after)) caseAfterApostrophe = true;
              hash = hashStep(hashStep(hash, APOSTROPHE), foldCode(after));
              index += 2;
            } else {
              break;
            }
          }
          kind = hasLetter ? WORD : NUMBER;
          if (caseAfterApostrophe && !folds) {
            // The letter after an apostrophe has never decided whether a word is lower-cased, so "adl'S" keeps its text as written.
            norm = text.slice(start, index);
            id = wordId(norm, kind, false);
          } else if (plain) {
            // The word's id in the word table, found by the hash of its folded code units computed while
            // scanning; `foldCode` is the whole normalisation of a plain word. Written out here rather than
            // called, and compared by a loop rather than `startsWith`: with one call and one builtin less per
            // token, tokenizing the corpus took 0.81 of the time warm and 0.85 in a fresh process.
            const length = index - start;
            const keyHash = Math.imul(hash ^ kind, FNV_PRIME);
            const mask = slots.length - 1;
            let slot = keyHash & mask;
            id = slots[slot];
            for (; id !== 0; id = slots[slot]) {
              if (hashes[id] === keyHash && kinds[id] === kind) {
                const word = texts[id];
                if (folds) {
                  if (sameFolded(word, text, start, length)) break;
                } else if (word.length === length) {
                  let offset = 0;
                  while (offset < length && word.charCodeAt(offset) === text.charCodeAt(start + offset)) offset++;
                  if (offset === length) break;
                }
              }
              slot = (slot + 1) & mask;
            }
            if (id === 0) {
              id = newDocumentWord(text, start, index, kind, folds, keyHash, slot);
              if (id === UNLISTED_WORD) norm = foldedSlice(text, start, index);
            }
          } else {
            norm = foldedSlice(text, start, index);
            id = wordId(norm, kind, false);
          }
        } else {
          index++;
          id = punctuationId(first);
          kind = PUNCT;
        }
        data[at] = id;
        data[at + 1] = start;
        data[at + 2] = index;
        data[at + 3] = sawSpace ? kind | SPACE_BEFORE : kind;
        if (id === UNLISTED_WORD) (this.unlisted ??= new Map()).set(count, norm ?? '');
        at += STRIDE;
        count++;
        sawSpace = false;
      }
      this.length = count;
    }
  }

  build(): TokenList {
    blockUsed = this.base + this.length * STRIDE;
    return new TokenList(this.data, this.base, this.length, this.unlisted);
  }
}

/** The id `TokenList.id` gives a vocabulary word of the given kind. */
export function vocabularyWordId(norm: string, kind: TokenKind): number {
  return wordId(norm, KIND_NAMES.indexOf(kind), true);
}

const SPACE = 0;
const LETTER = 1;
const DIGIT = 2;
const OTHER = 3;

/** Character classes of the code units below 592; everything above is OTHER. */
const CLASS_COUNT = 592;
const CLASSES = new Uint8Array(CLASS_COUNT).fill(OTHER);
for (const code of [32, 9, 10, 13, 12, 11, 160]) CLASSES[code] = SPACE;
for (let code = 97; code <= 122; code++) CLASSES[code] = LETTER;
for (let code = 65; code <= 90; code++) CLASSES[code] = LETTER;
for (let code = 48; code <= 57; code++) CLASSES[code] = DIGIT;
// Accented letters from names or drug brands behave like letters.
for (let code = 192; code <= 591; code++) if (code !== 215 && code !== 247) CLASSES[code] = LETTER;

function classify(code: number): number {
  return code < CLASS_COUNT ? CLASSES[code] : OTHER;
}

const PERIOD = 46;
const APOSTROPHE = 39;
const TYPOGRAPHIC_APOSTROPHE = 0x2019;

/**
 * Splits `text[range]` into words (letters and digits), numbers (digits with
 * internal decimal points, or a leading ".5") and single punctuation marks.
 * One pass, no regular expressions, so the cost is linear in the range. Word
 * texts are looked up in the word table by a hash computed while scanning, so
 * a word seen before costs no new string.
 */
export function tokenList(text: string, range: Span = { start: 0, end: text.length }): TokenList {
  const builder = new TokenListBuilder();
  builder.tokenize(text, range.start, range.end);
  return builder.build();
}

/**
 * The tokens of `text` from `start` to the end of `suffix`, a list tokenized from `suffixStart`:
 * the tokens before it, then its own, without tokenizing it again. They are the tokens `tokenList`
 * gives for the whole range when whitespace comes right before `suffixStart`, since no token
 * crosses whitespace; otherwise the whole range is tokenized.
 */
export function tokensBefore(text: string, start: number, suffixStart: number, suffix: TokenList): TokenList {
  const end = suffix.length > 0 ? suffix.end(suffix.length - 1) : suffixStart;
  if (suffixStart <= start || classify(text.charCodeAt(suffixStart - 1)) !== SPACE) return tokenList(text, { start, end });
  const builder = new TokenListBuilder();
  builder.tokenize(text, start, suffixStart);
  suffix.appendTo(builder);
  return builder.build();
}

const PLAIN_WORDS = /^[a-z0-9]+(?: [a-z0-9]+)*$/i;

/**
 * `text` lower-cased when it is ASCII letters and digits in words separated by
 * single spaces, so that each word is one token whose text is the word itself;
 * otherwise null. Vocabulary like that needs no tokenizing.
 */
export function plainWords(text: string): string | null {
  return PLAIN_WORDS.test(text) ? text.toLowerCase() : null;
}


const asciiPunctuationIds = new Int32Array(128);
const otherPunctuationIds = new Map<number, number>();

/** Punctuation marks are single characters, so there are few enough to list them all. */
function punctuationId(code: number): number {
  if (code < 128 && asciiPunctuationIds[code] !== 0) return asciiPunctuationIds[code];
  let id = otherPunctuationIds.get(code);
  if (id === undefined) {
    id = wordId(String.fromCharCode(code), PUNCT, true);
    if (code < 128) asciiPunctuationIds[code] = id;
    else otherPunctuationIds.set(code, id);
  }
  return id;
}

function isLowerAscii(code: number): boolean {
  return code >= 97 && code <= 122;
}

function isLeadingDecimal(text: string, index: number, end: number): boolean {
  if (index + 1 >= end) return false;
  if (classify(text.charCodeAt(index + 1)) !== DIGIT) return false;
  return index === 0 || classify(text.charCodeAt(index - 1)) === SPACE;
}

/**
 * Answers to one fixed yes/no question about tokens that depends only on the
 * token's text and kind (such as "can a phrase of this matcher start here?"),
 * worked out once per word id.
 */
export class WordVerdicts {
  private verdicts = new Uint8Array(256);

  constructor(private readonly decide: (tokens: TokenList, index: number) => boolean) {}

  /**
   * The verdicts known so far by word id, in this module's encoding (UNKNOWN, NO, YES), for
   * `TokenList.firstYes`; read-only, and replaced when it grows.
   */
  get table(): Uint8Array {
    return this.verdicts;
  }

  get(tokens: TokenList, index: number): boolean {
    const id = tokens.id(index);
    if (id < this.verdicts.length) {
      const known = this.verdicts[id];
      if (known !== UNKNOWN) return known === YES;
    }
    const answer = this.decide(tokens, index);
    if (id !== UNLISTED_WORD) this.remember(id, answer);
    return answer;
  }

  private remember(id: number, answer: boolean): void {
    if (id >= this.verdicts.length) {
      let size = this.verdicts.length * 2;
      while (size <= id) size *= 2;
      const grown = new Uint8Array(size);
      grown.set(this.verdicts);
      this.verdicts = grown;
    }
    this.verdicts[id] = answer ? YES : NO;
  }
}

const UNKNOWN = 0;
const NO = 1;
const YES = 2;
