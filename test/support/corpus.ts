import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The real published letters, read from beside the checkout (never copied into the repo). */
export const CORPUS = resolve(process.cwd(), '..', 'shared', 'corpus');
export const CORPUS_FOLDERS = ['seeds', 'real-layout', 'real-raw'] as const;

const present = existsSync(CORPUS);

/**
 * For `test(..., { skip })`: false when the corpus is there, else the reason shown. With `CI` set
 * the corpus tests are never skipped: they run and fail (`requireCorpus`), so a checkout without
 * ../shared cannot lose the parser and rule measurements silently.
 */
export const skipWithoutCorpus: false | string = present || process.env.CI ? false : `corpus not found at ${CORPUS}`;
if (skipWithoutCorpus) console.log(`# corpus tests skipped: ${skipWithoutCorpus}`);

/** Throws unless the corpus is there; every corpus test calls it (directly or through `corpusLetters`). */
export function requireCorpus(): void {
  if (!present) throw new Error(`corpus not found at ${CORPUS}${process.env.CI ? ' (CI is set, so the corpus tests fail instead of skipping)' : ''}`);
}

export interface CorpusLetter {
  readonly folder: string;
  /** File stem: the case number, or the seed's id. */
  readonly id: string;
  readonly text: string;
}

export function corpusLetters(folders: readonly string[] = CORPUS_FOLDERS): CorpusLetter[] {
  requireCorpus();
  return folders.flatMap((folder) =>
    readdirSync(join(CORPUS, folder))
      .filter((name) => name.endsWith('.txt'))
      .sort()
      .map((name) => ({ folder, id: name.slice(0, -'.txt'.length), text: readFileSync(join(CORPUS, folder, name), 'utf8') })),
  );
}
