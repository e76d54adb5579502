import mmeFile from './data/mme.json';
import type { MmeData, MmeFactor, MmeTable, MmeThreshold } from './types';

/** One factor as it applies to a daily dose: the table it came from, and for methadone the tier. */
interface AppliedFactor {
  readonly factor: number;
  readonly unit: MmeFactor['unit'];
  readonly table: MmeTable;
  readonly entry: MmeFactor;
}

/**
 * Morphine milligram equivalents: the conversion tables by edition (CDC 2016, CDC 2022) and the
 * daily-dose thresholds of the guidelines, from the versioned data in `data/mme.json`.
 */
export class MmeConversions {
  private readonly tablesById: ReadonlyMap<string, MmeTable>;

  constructor(readonly data: MmeData = mmeFile as MmeData) {
    this.tablesById = new Map(data.tables.map((table) => [table.id, table]));
  }

  /** The table daily doses are computed with. */
  get defaultTable(): MmeTable {
    return this.tablesById.get(this.data.defaultTable) ?? this.data.tables[0];
  }

  get tables(): readonly MmeTable[] {
    return this.data.tables;
  }

  /** The agent's entry in a table, or undefined when the table leaves it out. */
  entry(agent: string, table: MmeTable = this.defaultTable): MmeFactor | undefined {
    return table.factors.find((factor) => factor.agent === agent);
  }

  /** The factor for `agent` at a daily dose (in the entry's unit), or null when the table has none. */
  factor(agent: string, dailyDose: number, table: MmeTable = this.defaultTable): AppliedFactor | null {
    const entry = this.entry(agent, table);
    if (!entry) return null;
    if (entry.factor !== undefined) return { factor: entry.factor, unit: entry.unit, table, entry };
    const tier = entry.tiers?.find((candidate) => candidate.upToDailyDose === undefined || dailyDose <= candidate.upToDailyDose);
    return tier ? { factor: tier.factor, unit: entry.unit, table, entry } : null;
  }

  /** The threshold of the guideline edition in force (`guidelineId`), or the general one. */
  threshold(guidelineId: string | null): MmeThreshold | undefined {
    return this.data.thresholds.find((threshold) => guidelineId !== null && threshold.guideline === guidelineId) ?? this.data.thresholds.find((threshold) => threshold.guideline === undefined);
  }
}
