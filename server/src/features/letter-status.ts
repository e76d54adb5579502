import type { Letter } from '../letter/model';

/** What the status bar says of a letter: its disputed items and how they were decided. */
export interface LetterStatus {
  readonly items: number;
  readonly upheld: number;
  readonly overturned: number;
  /** Items without a decision, or with one that is neither Upheld nor Overturned. */
  readonly undecided: number;
}

export function letterStatus(letter: Letter): LetterStatus {
  let upheld = 0;
  let overturned = 0;
  for (const item of letter.items) {
    if (item.decision?.decision === 'Upheld') upheld++;
    else if (item.decision?.decision === 'Overturned') overturned++;
  }
  return { items: letter.items.length, upheld, overturned, undecided: letter.items.length - upheld - overturned };
}
