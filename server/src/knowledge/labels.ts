import type { GuidelineEntry } from './types';

/** "MTUS Chronic Pain Medical Treatment Guidelines (2009)", "(2016 update)", "MTUS Low Back Complaints (2004)". */
export function guidelineLabel(guideline: GuidelineEntry): string {
  const prefix = guideline.mtus ? 'MTUS ' : '';
  if (guideline.year === null) return `${prefix}${guideline.title}`;
  const year = String(guideline.year);
  return `${prefix}${guideline.title} (${guideline.edition.startsWith(year) ? guideline.edition : year})`;
}
