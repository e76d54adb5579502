import { corpusLetters, skipWithoutCorpus } from './corpus';
import { makeLetter, makeLetterWithItems } from './letters';

/** Small deterministic PRNG (mulberry32) so a failing case can be replayed from its seed. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Real letters when ../shared is there, plus invented ones either way. Without the corpus the
 * invented letters are fuzzed alone, as the corpus tests skip; with `CI` set a missing corpus
 * fails here as it does there.
 */
export function fuzzSeeds(): string[] {
  const seeds = [makeLetter(), makeLetter({ blankLines: true, eol: '\r\n' }), makeLetterWithItems(12)];
  return skipWithoutCorpus ? seeds : [...seeds, ...corpusLetters().map((letter) => letter.text)];
}

const NASTY = ['\u0000', '\ud800', '\udfff', '\ufffd', '\u200b', '\u202e', '\f', '\r', '\t', '\u00a0', '𝕏', '̈', ':', '#', '\uffff'];
const HEADINGS = ['HOW THE IMR FINAL DETERMINATION WAS MADE', 'CLINICAL CASE SUMMARY', 'IMR ISSUES, DECISIONS AND RATIONALES', 'Decision rationale:', 'MAXIMUS guideline:'];

function randomUnicode(next: () => number, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) {
    const roll = next();
    if (roll < 0.3) out += NASTY[Math.floor(next() * NASTY.length)];
    else if (roll < 0.6) out += String.fromCharCode(Math.floor(next() * 0x10000));
    else out += String.fromCharCode(32 + Math.floor(next() * 95));
  }
  return out;
}

/** One mutated letter: lines deleted, duplicated or swapped, bytes spliced in, colons removed, headings broken. */
export function mutate(seedText: string, seed: number): string {
  const next = random(seed);
  let lines = seedText.split('\n');
  const operations = 1 + Math.floor(next() * 6);
  for (let op = 0; op < operations; op++) {
    const index = Math.floor(next() * lines.length);
    switch (Math.floor(next() * 9)) {
      case 0:
        lines.splice(index, 1 + Math.floor(next() * 5));
        break;
      case 1:
        lines.splice(index, 0, ...lines.slice(index, index + 1 + Math.floor(next() * 10)));
        break;
      case 2: {
        const other = Math.floor(next() * lines.length);
        [lines[index], lines[other]] = [lines[other], lines[index]];
        break;
      }
      case 3:
        lines[index] = (lines[index] ?? '') + randomUnicode(next, 1 + Math.floor(next() * 40));
        break;
      case 4:
        lines[index] = (lines[index] ?? '').replace(/:/g, '');
        break;
      case 5: {
        const line = lines[index] ?? '';
        const at = Math.floor(next() * (line.length + 1));
        lines[index] = line.slice(0, at) + randomUnicode(next, 3) + line.slice(at + 1);
        break;
      }
      case 6:
        lines.splice(index, 0, HEADINGS[Math.floor(next() * HEADINGS.length)].slice(0, Math.floor(next() * 40)));
        break;
      case 7:
        lines = lines.map((line) => (next() < 0.1 ? line.replace(/\s+/g, '') : line));
        break;
      default:
        lines.splice(index, 0, randomUnicode(next, Math.floor(next() * 200)));
    }
  }
  return lines.join(next() < 0.2 ? '\r\n' : '\n');
}
