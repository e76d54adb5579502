import bodyPartsFile from './data/body-parts.json';
import { PhraseMatcher } from '../language/phrase-matcher';
import type { TokenList } from '../language/tokens';
import type { TermMatch } from '../language/phrase-matcher';

interface BodyPartData {
  readonly version: number;
  readonly sourceRef: string;
  readonly verified: boolean;
  readonly parts: readonly { readonly id: string; readonly words: readonly string[] }[];
  readonly chapters: readonly { readonly chapter: string; readonly parts: readonly string[] }[];
  readonly topicalSections: readonly string[];
  readonly limbs: readonly { readonly id: string; readonly parts: readonly string[] }[];
}

/** Body parts named in item lines, the chapters that cover them, and the sections for topical drugs (`data/body-parts.json`). */
export class BodyParts {
  readonly data: BodyPartData;
  private readonly partsByChapter: ReadonlyMap<string, readonly string[]>;
  private matcher: PhraseMatcher<readonly string[]> | null = null;

  constructor(data: BodyPartData = bodyPartsFile as BodyPartData) {
    this.data = data;
    this.partsByChapter = new Map(data.chapters.map((entry) => [entry.chapter, entry.parts]));
  }

  /** The parts a chapter (guideline or ODG chapter id) covers, or undefined when it is not about one part. */
  partsOf(chapter: string): readonly string[] | undefined {
    return this.partsByChapter.get(chapter);
  }

  /** Mentions of body parts in `tokens`; a word naming two parts ("thoracic") gives both. */
  find(tokens: TokenList, from = 0, to = tokens.length): readonly TermMatch<readonly string[]>[] {
    if (!this.matcher) {
      const matcher = new PhraseMatcher<readonly string[]>([], { names: true });
      for (const part of this.data.parts) for (const word of part.words) matcher.update(word, (known) => [...(known ?? []), part.id]);
      this.matcher = matcher;
    }
    return this.matcher.findAll(tokens, from, to);
  }

  /** The parts on the same limb as any of `parts`, the spine included ("hand" → neck, shoulder, elbow, hand). */
  limbOf(parts: Iterable<string>): Set<string> {
    const wanted = new Set(parts);
    const found = new Set(wanted);
    for (const limb of this.data.limbs) if (limb.parts.some((part) => wanted.has(part))) for (const part of limb.parts) found.add(part);
    return found;
  }

  isTopicalSection(sectionId: string): boolean {
    return this.data.topicalSections.includes(sectionId);
  }
}
