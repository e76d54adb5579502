import type { Rule } from '../rules/types';
import { caseSpecificReasoning } from '../rules/case-specific-reasoning';
import { citationEdition } from '../rules/citation-edition';
import { citationMissing } from '../rules/citation-missing';
import { citationPage } from '../rules/citation-page';
import { citationUnknown } from '../rules/citation-unknown';
import { conclusionItemMismatch } from '../rules/conclusion-item-mismatch';
import { dateOrder } from '../rules/date-order';
import { decisionConclusion } from '../rules/decision-conclusion';
import { duplicateItem } from '../rules/duplicate-item';
import { durationOfUse } from '../rules/duration-of-use';
import { functionalImprovement } from '../rules/functional-improvement';
import { guidelineFit } from '../rules/guideline-fit';
import { itemDecision } from '../rules/item-decision';
import { itemParts } from '../rules/item-parts';
import { letterConsistency } from '../rules/letter-consistency';
import { missingSection } from '../rules/missing-section';
import { notALetter } from '../rules/not-a-letter';
import { opioidBenzodiazepine } from '../rules/opioid-benzodiazepine';
import { opioidDose } from '../rules/opioid-dose';
import { opioidMonitoring } from '../rules/opioid-monitoring';
import { partialScope } from '../rules/partial-scope';
import { phi } from '../rules/phi';
import { quantity } from '../rules/quantity';
import { refillCount } from '../rules/refill-count';
import { therapyVisits } from '../rules/therapy-visits';
import { unknownDrug } from '../rules/unknown-drug';
import type { Severity } from '../rules/types';

/** The size guard's code: documents over the size limit are reported under it instead of analysed. */
export const FILE_TOO_LARGE = 'file-too-large';

/** Every rule, in the order their findings are reported. */
export const ALL_RULES: readonly Rule[] = [
  notALetter,
  missingSection,
  itemDecision,
  itemParts,
  decisionConclusion,
  duplicateItem,
  functionalImprovement,
  quantity,
  refillCount,
  opioidMonitoring,
  opioidDose,
  opioidBenzodiazepine,
  durationOfUse,
  therapyVisits,
  conclusionItemMismatch,
  partialScope,
  letterConsistency,
  caseSpecificReasoning,
  unknownDrug,
  citationMissing,
  citationPage,
  citationUnknown,
  citationEdition,
  guidelineFit,
  dateOrder,
  phi,
];

interface RuleMetadata {
  readonly id: string;
  readonly description: string;
  readonly defaultSeverity: Severity;
}

/** Every code a finding can carry, including the size guard, which is not a rule over letters. */
export const RULE_METADATA: readonly RuleMetadata[] = [
  ...ALL_RULES.map(({ id, description, defaultSeverity }) => ({ id, description, defaultSeverity })),
  { id: FILE_TOO_LARGE, description: 'The document is larger than imr.maxFileSize, so it was not analysed.', defaultSeverity: 'information' },
];

/** Codes that describe the document as a whole rather than a passage in it. */
export const ABOUT_THE_FILE: ReadonlySet<string> = new Set([FILE_TOO_LARGE, 'not-a-letter']);

export const KNOWN_RULE_IDS: ReadonlySet<string> = new Set(RULE_METADATA.map((rule) => rule.id));
