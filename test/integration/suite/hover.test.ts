import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openLetter, positionOf } from '../helpers';

async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<{ text: string; ranges: vscode.Range[] }> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  const text = (hovers ?? [])
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n---\n');
  return { text, ranges: (hovers ?? []).flatMap((hover) => (hover.range ? [hover.range] : [])) };
}

describe('hover (vscode.executeHoverProvider)', () => {
  afterEach(closeAllEditors);

  it('a cited MTUS section shows what the guideline says about it', async () => {
    const { document } = await openLetter('examples', 'complete-letter.imr');
    const start = positionOf(document, 'criteria for use, Page(s): 76-80');
    const { text, ranges } = await hoverText(document.uri, start.translate(0, 3));
    assert.match(text, /\*\*Opioids, criteria for use\*\*/);
    // Which edition is shown depends on the letter's decision date; the guideline is the same.
    assert.match(text, /MTUS Chronic Pain Medical Treatment Guidelines \((2009|2016 update)\)/);
    assert.match(text, /8 CCR 9792\.24\.2/);
    assert.ok(
      ranges.some((range) => document.getText(range) === 'Opioids, criteria for use'),
      `the hover covers the cited section name, not: ${ranges.map((range) => JSON.stringify(document.getText(range))).join(', ') || 'no range'}`,
    );
  });

  it('a cited page range names the guideline it belongs to', async () => {
    const { document } = await openLetter('examples', 'complete-letter.imr');
    const { text } = await hoverText(document.uri, positionOf(document, '76-80').translate(0, 1));
    assert.match(text, /\*\*Pages 76-80\*\*/);
    assert.match(text, /MTUS Chronic Pain Medical Treatment Guidelines/);
  });

  it('a drug name shows its class and governing MTUS sections', async () => {
    const { document } = await openLetter('examples', 'draft-with-gaps.imr');
    const { text } = await hoverText(document.uri, positionOf(document, 'Tizanidine 4mg #60').translate(0, 2));
    assert.match(text, /\*\*tizanidine\*\*/);
    assert.match(text, /muscle relaxant/);
    assert.match(text, /Governing sections/);
    assert.match(text, /MTUS Chronic Pain Medical Treatment Guidelines/);
  });

  it('plain narrative text has no IMR hover', async () => {
    const { document } = await openLetter('examples', 'complete-letter.imr');
    const { text } = await hoverText(document.uri, positionOf(document, 'warehouse supervisor').translate(0, 2));
    assert.equal(text, '');
  });
});
