import { unwatchFile, watchFile } from 'node:fs';
import { basename, dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DidChangeWatchedFilesNotification, Emitter, type Connection, type Disposable, type InitializeParams } from 'vscode-languageserver';
import type { WorkspaceConfig } from '../host/workspace-config';
import { isInsideFolder } from '../host/paths';
import { loadKnowledge, type KnowledgeBase } from '../knowledge';
import { filePathOf } from './file-uris';
import { describeError, showProblems } from './errors';
import type { EditorSettings } from './settings';

const KNOWLEDGE_POLL_MS = 2000;

/**
 * The user's knowledge files (`imr.knowledgeFiles`): the knowledge base they make, through the
 * shared `WorkspaceConfig`, with problems shown once; and keeping open letters in step with the
 * files, which can live outside the workspace. The client watches them when it can watch any
 * path (a folder and a pattern); otherwise the server polls their modification time itself.
 */
export class KnowledgeFiles {
  /** The built-in knowledge, loaded once at start-up. */
  readonly builtin: KnowledgeBase = loadKnowledge();
  /** Whether the client watches files the server names after start-up (the knowledge files) given a folder and a pattern. */
  private clientWatchesAnyFile = false;
  /** Knowledge files the client watches for the server, under one registration that is replaced when one is added. */
  private readonly clientWatchedFiles = new Set<string>();
  private watchRegistration: Promise<Disposable> | null = null;
  /** Knowledge files the server polls itself, for clients that cannot watch a file outside the workspace. */
  private readonly polledFiles = new Set<string>();
  private readonly polledFileChanged = new Emitter<void>();
  /** A polled knowledge file changed on disk; what was built from it is already forgotten. */
  readonly onDidChange = this.polledFileChanged.event;

  constructor(
    private readonly connection: Connection,
    private readonly workspace: WorkspaceConfig,
  ) {}

  initialize(params: InitializeParams): void {
    const watching = params.capabilities.workspace?.didChangeWatchedFiles;
    this.clientWatchesAnyFile = watching?.dynamicRegistration === true && watching.relativePatternSupport === true;
  }

  /** Built-in knowledge, or built-in plus the user's `imr.knowledgeFiles`, rebuilt only when a file changes. */
  knowledgeFor(uri: string, settings: EditorSettings): KnowledgeBase {
    if (settings.knowledgeFiles.length === 0) return this.builtin;
    const paths = this.filePaths(uri, settings);
    const found = this.workspace.knowledgeFor(paths);
    if (found.justRead) this.watch(paths);
    showProblems(this.connection, 'error', 'IMR knowledge file not used: ', found.newProblems);
    return found.knowledge;
  }

  /** The knowledge files the settings name for a letter, as absolute paths. */
  filePaths(uri: string, settings: EditorSettings): string[] {
    return this.workspace.knowledgeFilePaths(filePathOf(uri), settings.knowledgeFiles);
  }

  /** Whether `path` is a knowledge file the client watches for this server. */
  watches(path: string): boolean {
    return this.clientWatchedFiles.has(path);
  }

  /** A watched file changed on disk: drops every knowledge base built from it, so that the next analysis reads it again. */
  forgetFile(path: string | null): void {
    if (path !== null) this.workspace.forgetKnowledgeFile(path);
  }

  /**
   * A folder was deleted, which the client reports alone: drops what was built from the watched
   * knowledge files inside it, and says whether there were any.
   */
  forgetFilesUnder(folder: string): boolean {
    const inside = [...this.clientWatchedFiles].filter((path) => isInsideFolder(path, folder));
    for (const path of inside) this.forgetFile(path);
    return inside.length > 0;
  }

  /**
   * Drops every knowledge base built from knowledge files, and stops watching the files, when the
   * settings or workspace folders change: the files named may no longer be the same, and those
   * still named are read and watched again when the open letters are checked.
   */
  forgetAll(): void {
    this.workspace.forgetKnowledgeFiles();
    for (const path of this.polledFiles) unwatchFile(path);
    this.polledFiles.clear();
    this.clientWatchedFiles.clear();
    const registration = this.watchRegistration;
    this.watchRegistration = null;
    void registration?.then((watching) => watching.dispose(), () => undefined);
  }

  private watch(paths: readonly string[]): void {
    if (!this.clientWatchesAnyFile) {
      for (const path of paths) {
        if (this.polledFiles.has(path)) continue;
        this.polledFiles.add(path);
        watchFile(path, { interval: KNOWLEDGE_POLL_MS, persistent: false }, () => {
          this.forgetFile(path);
          this.polledFileChanged.fire();
        });
      }
      return;
    }
    const fresh = paths.filter((path) => !this.clientWatchedFiles.has(path));
    if (fresh.length === 0) return;
    for (const path of fresh) this.clientWatchedFiles.add(path);
    const watchers = [...this.clientWatchedFiles].map((path) => ({
      globPattern: { baseUri: pathToFileURL(dirname(path)).toString(), pattern: globLiteral(basename(path)) },
    }));
    const previous = this.watchRegistration;
    const registering = this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
    this.watchRegistration = registering;
    registering.then(
      // The new registration covers every file the previous one did.
      () => void previous?.then((registration) => registration.dispose(), () => undefined),
      (error: unknown) => {
        for (const path of fresh) this.clientWatchedFiles.delete(path);
        if (this.watchRegistration === registering) this.watchRegistration = previous;
        this.connection.console.error(`Could not watch knowledge files: ${describeError(error)}`);
      },
    );
  }
}

/** `text` as a glob pattern that matches only itself: each glob character becomes a one-character class. */
function globLiteral(text: string): string {
  return text.replace(/[*?[\]{}]/g, (character) => `[${character}]`);
}
