import visitsFile from './data/visits.json';
import type { VisitCap } from './types';

type Therapy = VisitCap['therapies'][number];

/** Caps on courses of therapy, from the versioned data in `data/visits.json`. */
export class VisitCaps {
  readonly caps: readonly VisitCap[];

  constructor(caps: readonly VisitCap[] = (visitsFile as { caps: VisitCap[] }).caps) {
    this.caps = caps;
  }

  /**
   * The cap that applies to a course of `therapy`: the cap of a cited guideline section when one is
   * cited, otherwise a cap that applies whatever is cited (the statutory 24 visits), or undefined.
   */
  capFor(therapy: Therapy, citedSections: readonly string[]): VisitCap | undefined {
    const forTherapy = this.caps.filter((cap) => cap.therapies.includes(therapy));
    return forTherapy.find((cap) => cap.sections?.some((section) => citedSections.includes(section))) ?? forTherapy.find((cap) => cap.sections === undefined);
  }
}
