import type { LetterStatus } from '../../server/src/features/letter-status';

/** "3 items: 2 Upheld, 1 Overturned · 4 findings", with a tooltip that spells it out. */
export function describeStatus(status: LetterStatus | null, findings: number): { text: string; tooltip: string } {
  const findingsText = findings === 0 ? 'no findings' : findings === 1 ? '1 finding' : `${findings} findings`;
  const findingsIcon = findings === 0 ? '$(check)' : '$(warning)';
  if (!status) return { text: `$(law) ${findingsIcon} ${findingsText}`, tooltip: `IMR letter: ${findingsText} in the Problems panel. Click to open the Outline.` };
  const parts = [`${status.upheld} Upheld`, `${status.overturned} Overturned`];
  if (status.undecided > 0) parts.push(`${status.undecided} undecided`);
  const items = status.items === 1 ? '1 item' : `${status.items} items`;
  const decided = status.items === 0 ? 'no disputed items' : `${items}: ${parts.join(', ')}`;
  return {
    text: `$(law) ${decided} · ${findingsIcon} ${findingsText}`,
    tooltip: `IMR letter: ${status.items === 0 ? 'no disputed items' : `${status.items === 1 ? '1 disputed item' : `${status.items} disputed items`} (${parts.join(', ')})`}; ${findingsText} in the Problems panel. Click to open the Outline.`,
  };
}
