import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, codeOf, diagnosticCodes, openLetter, settledDiagnostics, waitForDiagnostics } from '../helpers';

function textOf(document: vscode.TextDocument, diagnostic: vscode.Diagnostic): string {
  return document.getText(diagnostic.range);
}

describe('diagnostics (vscode.languages.getDiagnostics)', () => {
  afterEach(closeAllEditors);

  it('the complete example letter has no errors or warnings', async () => {
    const { document } = await openLetter('examples', 'complete-letter.imr');
    const diagnostics = await settledDiagnostics(document.uri);
    const serious = diagnostics.filter((diagnostic) => diagnostic.severity <= vscode.DiagnosticSeverity.Warning);
    assert.deepEqual(diagnosticCodes(serious), []);
  });

  it('the draft with gaps reports its misspelt decision, missing guideline line and contradicting rationale', async () => {
    const { document } = await openLetter('examples', 'draft-with-gaps.imr');
    const diagnostics = await waitForDiagnostics(document.uri, 'item-decision, item-parts and decision-conclusion', (found) =>
      ['item-decision', 'item-parts', 'decision-conclusion'].every((code) => found.some((diagnostic) => codeOf(diagnostic) === code)),
    );
    for (const diagnostic of diagnostics) assert.equal(diagnostic.source, 'imr');

    const decision = diagnostics.find((diagnostic) => codeOf(diagnostic) === 'item-decision');
    assert.ok(decision);
    assert.equal(textOf(document, decision), 'Uphold', 'the decision diagnostic covers the misspelt word');
    assert.match(decision.message, /Upheld/);
    assert.equal(decision.severity, vscode.DiagnosticSeverity.Error);

    const parts = diagnostics.filter((diagnostic) => codeOf(diagnostic) === 'item-parts');
    assert.ok(parts.some((diagnostic) => /MAXIMUS guideline/.test(diagnostic.message) && /Functional capacity evaluation/.test(diagnostic.message)));
    assert.ok(parts.every((diagnostic) => document.lineAt(diagnostic.range.start.line).text.startsWith('Functional capacity evaluation')));

    const conclusion = diagnostics.find((diagnostic) => codeOf(diagnostic) === 'decision-conclusion');
    assert.ok(conclusion);
    assert.match(conclusion.message, /Functional capacity evaluation/);
    assert.match(textOf(document, conclusion), /medically necessary/);
  });

  it('a letter without a summary section and with a repeated item reports missing-section and duplicate-item', async () => {
    const { document } = await openLetter('fixtures', 'missing-summary-duplicate.imr');
    const diagnostics = await waitForDiagnostics(document.uri, 'missing-section and duplicate-item', (found) =>
      ['missing-section', 'duplicate-item'].every((code) => found.some((diagnostic) => codeOf(diagnostic) === code)),
    );
    const missing = diagnostics.filter((diagnostic) => codeOf(diagnostic) === 'missing-section');
    assert.equal(missing.length, 1);
    assert.match(missing[0].message, /CLINICAL CASE SUMMARY/);

    const duplicate = diagnostics.filter((diagnostic) => codeOf(diagnostic) === 'duplicate-item');
    assert.equal(duplicate.length, 1, 'only the second listing is reported');
    assert.equal(duplicate[0].severity, vscode.DiagnosticSeverity.Warning);
    const second = document.getText().lastIndexOf('Acupuncture, six sessions');
    assert.equal(duplicate[0].range.start.line, document.positionAt(second).line);
    const related = duplicate[0].relatedInformation ?? [];
    assert.equal(related.length, 1, 'the duplicate points at the first listing');
    const first = document.getText().indexOf('Acupuncture, six sessions');
    assert.equal(related[0].location.range.start.line, document.positionAt(first).line);
  });
});
