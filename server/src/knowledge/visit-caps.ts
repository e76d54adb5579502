import visitsFile from './data/visits.json';
import { PhraseMatcher } from '../language/phrase-matcher';
import type { TokenList } from '../language/tokens';
import type { VisitCap } from './types';

type Therapy = VisitCap['therapies'][number];

/** What decides which cap a course of therapy is held to, besides the sections it cites. */
interface CourseKind {
  /** A post-surgical course: a post-operative title, or a postsurgical guideline cited. */
  readonly postsurgical: boolean;
  /** The ids of the procedure caps whose surgery the letter names (`proceduresNamed`). */
  readonly procedures: ReadonlySet<string>;
}

/** Caps on courses of therapy, from the versioned data in `data/visits.json`. */
export class VisitCaps {
  readonly caps: readonly VisitCap[];
  private procedureMatcher: PhraseMatcher<string> | undefined;

  constructor(caps: readonly VisitCap[] = (visitsFile as { caps: VisitCap[] }).caps) {
    this.caps = caps;
  }

  /** The ids of the procedure caps whose surgery `tokens` name ("rotator cuff repair"). */
  proceduresNamed(tokens: TokenList): Set<string> {
    this.procedureMatcher ??= new PhraseMatcher(this.caps.flatMap((cap) => (cap.procedures ?? []).map((phrase) => [phrase, cap.id] as const)));
    return new Set(this.procedureMatcher.findAll(tokens).map((match) => match.value));
  }

  /**
   * The cap that applies to a course of `therapy`: for a post-surgical course, the cap of the
   * procedure the letter names; else the cap of a cited guideline section; else a cap that applies
   * whatever is cited (the statutory 24 visits), unless it leaves post-surgical courses out; or undefined.
   */
  capFor(therapy: Therapy, citedSections: readonly string[], course: CourseKind = { postsurgical: false, procedures: new Set() }): VisitCap | undefined {
    const forTherapy = this.caps.filter((cap) => cap.therapies.includes(therapy));
    if (course.postsurgical) {
      const procedure = forTherapy.find((cap) => cap.procedures && course.procedures.has(cap.id));
      if (procedure) return procedure;
    }
    const general = forTherapy.filter((cap) => !cap.procedures);
    return (
      general.find((cap) => cap.sections?.some((section) => citedSections.includes(section))) ??
      general.find((cap) => cap.sections === undefined && !(cap.notAfterSurgery && course.postsurgical))
    );
  }
}
