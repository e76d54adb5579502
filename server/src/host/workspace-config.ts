import { dirname, resolve } from 'node:path';
import { EMPTY_CONFIG, type LintConfig } from '../engine/config';
import { loadKnowledge, type KnowledgeBase } from '../knowledge';
import { findConfigFile, loadConfigFile, type LoadedConfigFile } from './config-file';
import { knowledgeFilesKey, loadKnowledgeFiles } from './knowledge-files';
import { innermostFolderHolding, isInsideFolder } from './paths';

/** The project config that applies to one file. */
interface ConfigForFile {
  readonly config: LintConfig;
  /**
   * The config file when this lookup is the first to use it since it was read (at the first
   * lookup, or the first after `forgetConfigFiles`): its problems, possibly none, are to be
   * reported now. Null when no config file applies or it was already in use.
   */
  readonly justRead: LoadedConfigFile | null;
}

/** The knowledge base for a list of knowledge files. */
interface KnowledgeForFiles {
  readonly knowledge: KnowledgeBase;
  /** True when this lookup read the files (the first time, or one of them changed on disk since): time to watch them. */
  readonly justRead: boolean;
  /** Problems with the files that no earlier lookup returned: each problem is reported once, however often it recurs. */
  readonly newProblems: readonly string[];
}

interface KnowledgeEntry {
  /** Changes when a file is edited; see `knowledgeFilesKey`. */
  readonly filesKey: string;
  readonly paths: readonly string[];
  readonly knowledge: KnowledgeBase;
}

/**
 * Which config and knowledge apply to a file, for the language server and the CLI alike: the
 * nearest `.imrlintrc.json`, looked up once per folder and read once per file until
 * `forgetConfigFiles`, and the knowledge base for a list of knowledge files, built once and
 * built again only when one of them changes on disk or is forgotten. It reads files, and
 * leaves watching them and telling the user about problems to its host.
 */
export class WorkspaceConfig {
  /** The config file that applies to each folder's files; null when none does. */
  private readonly configPathByFolder = new Map<string, string | null>();
  private readonly configFiles = new Map<string, LoadedConfigFile>();
  /** One knowledge base per list of knowledge files. */
  private readonly knowledgeByFiles = new Map<string, KnowledgeEntry>();
  private readonly returnedKnowledgeProblems = new Set<string>();
  private folders: readonly string[] = [];

  /** The nearest `.imrlintrc.json` in the file's folder or above; the default config when there is none. */
  configFor(filePath: string): ConfigForFile {
    const folder = dirname(filePath);
    let configPath = this.configPathByFolder.get(folder);
    if (configPath === undefined) {
      configPath = findConfigFile(filePath);
      this.configPathByFolder.set(folder, configPath);
    }
    if (configPath === null) return { config: EMPTY_CONFIG, justRead: null };
    const known = this.configFiles.get(configPath);
    if (known) return { config: known.config, justRead: null };
    const loaded = loadConfigFile(configPath);
    this.configFiles.set(configPath, loaded);
    return { config: loaded.config, justRead: loaded };
  }

  /** Whether a config file read so far lies inside `folder` (a deleted folder, say). */
  readsConfigUnder(folder: string): boolean {
    for (const path of this.configFiles.keys()) if (isInsideFolder(path, folder)) return true;
    return false;
  }

  /** After a config file was created, changed or deleted: the next lookups find and read the files again. */
  forgetConfigFiles(): void {
    this.configPathByFolder.clear();
    this.configFiles.clear();
  }

  /** The workspace folders (absolute paths), where relative knowledge files are read from. */
  get workspaceFolders(): readonly string[] {
    return this.folders;
  }

  set workspaceFolders(folders: readonly string[]) {
    this.folders = [...folders];
  }

  /**
   * The knowledge files named for a file, as absolute paths: relative ones are read from the
   * innermost workspace folder holding the file, else from the file's own folder (from the
   * current folder when there is no file path, as for an unsaved document).
   */
  knowledgeFilePaths(filePath: string | null, names: readonly string[]): string[] {
    const base = filePath ? innermostFolderHolding(filePath, this.folders) ?? dirname(filePath) : process.cwd();
    return names.map((name) => resolve(base, name));
  }

  /** The built-in knowledge, or the built-in knowledge with these files (absolute paths) layered over it. */
  knowledgeFor(paths: readonly string[]): KnowledgeForFiles {
    if (paths.length === 0) return { knowledge: loadKnowledge(), justRead: false, newProblems: [] };
    const pathsKey = paths.join('\n');
    const filesKey = knowledgeFilesKey(paths);
    const cached = this.knowledgeByFiles.get(pathsKey);
    if (cached?.filesKey === filesKey) return { knowledge: cached.knowledge, justRead: false, newProblems: [] };
    const loaded = loadKnowledgeFiles(paths);
    this.knowledgeByFiles.set(pathsKey, { filesKey, paths, knowledge: loaded.knowledge });
    const newProblems: string[] = [];
    for (const problem of loaded.problems) {
      if (this.returnedKnowledgeProblems.has(problem)) continue;
      this.returnedKnowledgeProblems.add(problem);
      newProblems.push(problem);
    }
    return { knowledge: loaded.knowledge, justRead: true, newProblems };
  }

  /** Drops every knowledge base built from `path`, so that the next lookup reads the file again. */
  forgetKnowledgeFile(path: string): void {
    for (const [pathsKey, entry] of this.knowledgeByFiles) {
      if (entry.paths.includes(path)) this.knowledgeByFiles.delete(pathsKey);
    }
  }

  /** Drops every knowledge base built from knowledge files, as when the files named may have changed. */
  forgetKnowledgeFiles(): void {
    this.knowledgeByFiles.clear();
  }
}
