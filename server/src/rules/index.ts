import type { Rule } from './types';
import { citationEdition } from './citation-edition';
import { citationMissing } from './citation-missing';
import { conclusionItemMismatch } from './conclusion-item-mismatch';
import { dateOrder } from './date-order';
import { durationOfUse } from './duration-of-use';
import { functionalImprovement } from './functional-improvement';
import { opioidMonitoring } from './opioid-monitoring';
import { phi } from './phi';
import { quantity } from './quantity';
import { refillCount } from './refill-count';
import { citationPage } from './citation-page';
import { citationUnknown } from './citation-unknown';
import { decisionConclusion } from './decision-conclusion';
import { duplicateItem } from './duplicate-item';
import { itemDecision } from './item-decision';
import { itemParts } from './item-parts';
import { missingSection } from './missing-section';
import { notALetter } from './not-a-letter';

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
  durationOfUse,
  conclusionItemMismatch,
  citationMissing,
  citationPage,
  citationUnknown,
  citationEdition,
  dateOrder,
  phi,
];
