import type { Rule } from './types';
import { citationEdition } from './citation-edition';
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
  citationPage,
  citationUnknown,
  citationEdition,
];
