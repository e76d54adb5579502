import criteriaFile from './data/criteria.json';

export type CriterionKey = 'analgesia' | 'activities' | 'adverse' | 'aberrant' | 'duration' | 'acuteFlare' | 'function' | 'visits';

interface CriteriaGroup {
  readonly id: string;
  readonly label: string;
  readonly sections: readonly string[];
  readonly criteria: readonly CriterionKey[];
  readonly sourceRef: string;
  readonly verified: boolean;
}

interface CriteriaData {
  readonly version: number;
  readonly criteria: Readonly<Record<CriterionKey, string>>;
  readonly groups: readonly CriteriaGroup[];
}

/** What cited guideline sections require, as criteria the checks' facts answer (`data/criteria.json`). */
export class CriteriaTable {
  constructor(readonly data: CriteriaData = criteriaFile as CriteriaData) {}

  label(key: CriterionKey): string {
    return this.data.criteria[key] ?? key;
  }

  /** The groups any of the cited sections belongs to, each once, in data order. */
  groupsFor(sectionIds: readonly string[]): readonly CriteriaGroup[] {
    return this.data.groups.filter((group) => group.sections.some((id) => sectionIds.includes(id)));
  }
}
