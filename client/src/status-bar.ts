import { languages, StatusBarAlignment, window, type Disposable, type TextEditor, type Uri } from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { LETTER_STATUS_REQUEST } from '../../server/src/lsp/requests';
import type { LetterStatus } from '../../server/src/features/letter-status';
import { describeStatus } from './status-text';

/** How long the status bar waits after a change before asking again, so that typing does not flood the server. */
const REFRESH_DELAY_MS = 150;

/**
 * The active letter at a glance, in the status bar: its disputed items, Upheld and Overturned, and
 * the open findings the Problems panel lists for it. Clicking it opens the Outline.
 */
export class LetterStatusBar implements Disposable {
  private readonly item = window.createStatusBarItem('imr.letterStatus', StatusBarAlignment.Left, 50);
  private readonly subscriptions: Disposable[];
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Counts each refresh, so that an answer for an editor no longer active is dropped. */
  private generation = 0;

  constructor(
    private readonly client: LanguageClient,
    /** Resolves once the client runs; the status waits for it. */
    private readonly started: () => Promise<void> | undefined,
  ) {
    this.item.name = 'IMR Letter';
    this.item.command = 'outline.focus';
    this.subscriptions = [
      window.onDidChangeActiveTextEditor(() => this.refresh(0)),
      languages.onDidChangeDiagnostics((event) => {
        const uri = window.activeTextEditor?.document.uri.toString();
        if (uri && event.uris.some((changed) => changed.toString() === uri)) this.refresh(REFRESH_DELAY_MS);
      }),
    ];
    this.refresh(0);
  }

  private visible = false;

  /** What the status bar shows now, or undefined when it is hidden (for tests). */
  get text(): string | undefined {
    return this.visible ? this.item.text : undefined;
  }

  private refresh(delay: number): void {
    clearTimeout(this.timer);
    const generation = ++this.generation;
    const editor = window.activeTextEditor;
    if (editor?.document.languageId !== 'imr') {
      this.item.hide();
      this.visible = false;
      return;
    }
    this.timer = setTimeout(() => void this.update(editor, generation), delay);
  }

  private async update(editor: TextEditor, generation: number): Promise<void> {
    let status: LetterStatus | null = null;
    try {
      await this.started();
      if (this.client.isRunning()) status = await this.client.sendRequest<LetterStatus | null>(LETTER_STATUS_REQUEST, { uri: editor.document.uri.toString() });
    } catch {
      // The server is restarting or the letter was closed: show what the Problems panel knows.
    }
    if (generation !== this.generation) return;
    const findings = openFindings(editor.document.uri);
    const described = describeStatus(status, findings);
    this.item.text = described.text;
    this.item.tooltip = described.tooltip;
    this.item.show();
    this.visible = true;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.subscriptions.forEach((subscription) => subscription.dispose());
    this.item.dispose();
  }
}

function openFindings(uri: Uri): number {
  return languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'imr').length;
}
