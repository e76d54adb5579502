import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The real published letters, read from beside the checkout (never copied into the repo). */
export const CORPUS = resolve(process.cwd(), '..', 'shared', 'corpus');
export const CORPUS_FOLDERS = ['seeds', 'real-layout', 'real-raw'] as const;

/** For `test(..., { skip })`: false when the corpus is there, else the reason shown. */
export const skipWithoutCorpus: false | string = existsSync(CORPUS) ? false : `corpus not found at ${CORPUS}`;

export interface CorpusLetter {
  readonly folder: string;
  /** File stem: the case number, or the seed's id. */
  readonly id: string;
  readonly text: string;
}

export function corpusLetters(folders: readonly string[] = CORPUS_FOLDERS): CorpusLetter[] {
  if (!existsSync(CORPUS)) return [];
  return folders.flatMap((folder) =>
    readdirSync(join(CORPUS, folder))
      .filter((name) => name.endsWith('.txt'))
      .sort()
      .map((name) => ({ folder, id: name.slice(0, -'.txt'.length), text: readFileSync(join(CORPUS, folder, name), 'utf8') })),
  );
}
