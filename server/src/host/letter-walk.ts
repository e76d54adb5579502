import { closeSync, existsSync, readdirSync, readSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { describeFsError } from './fs-errors';
import { MAX_SETTINGS_FILE_BYTES, NOT_UTF8_NAME, openRegularFile, readRegularFile } from './read-file';
import { looksLikeLetterStart } from '../letter/first-line';
import { decodeLetterBytes } from '../text/decode';

/** Whether a file name (or URI) has a letter's extension, `.imr` or `.txt`. */
export function hasLetterExtension(name: string): boolean {
  return /\.(?:imr|txt)$/i.test(name);
}

interface ExpandedInputs {
  readonly files: string[];
  /** Inputs that named nothing readable, with the reason, in the order given. */
  readonly problems: { input: string; message: string }[];
}

/**
 * Turns the command line's files, folders and globs into a sorted, de-duplicated list of letter
 * paths, as other linters do: folders are searched recursively for .imr and .txt files, through
 * symbolic links; globs are matched by tinyglobby (`**`, `{a,b}`, `[abc]`, `?`); what a
 * `.gitignore` ignores is skipped in folders and globs, but a file named on the command line is
 * always linted.
 */
export function expandInputs(inputs: readonly string[], cwd = process.cwd()): ExpandedInputs {
  const files = new Set<string>();
  const problems: ExpandedInputs['problems'] = [];
  const gitIgnores = new GitIgnores();
  for (const input of inputs) {
    // A file may have "[" or "?" in its name; only a path that does not exist is read as a pattern.
    if (hasGlobCharacters(input) && !existsSync(resolve(cwd, input))) {
      const matches = expandGlob(input, cwd).filter((match) => !gitIgnores.ignores(match, false, cwd));
      if (matches.length === 0) problems.push({ input, message: 'no files match this pattern' });
      matches.forEach((match) => files.add(match));
      continue;
    }
    const path = resolve(cwd, input);
    let stats;
    try {
      stats = statSync(path);
    } catch (error) {
      problems.push({ input, message: input.includes('\ufffd') && (error as NodeJS.ErrnoException).code === 'ENOENT' ? NOT_UTF8_NAME : describeFsError(error) });
      continue;
    }
    if (stats.isDirectory()) {
      const walk = new LetterWalk(problems, gitIgnores);
      walk.walk(path, path);
      if (walk.found.length === 0) {
        problems.push({ input, message: walk.ignored > 0 ? `a .gitignore ignores every .imr and .txt file in the folder (${walk.ignored}); name a file to lint it anyway` : 'the folder holds no .imr or .txt files' });
      }
      walk.found.forEach((file) => files.add(file));
    } else {
      files.add(path);
    }
  }
  return { files: [...files].sort(), problems };
}

/**
 * Shows the (absolute, resolved) paths of a batch's files as the user would type them from here,
 * with "/" between parts; absolute only across drives. Each folder is worked out once.
 */
export function pathDisplay(cwd = process.cwd()): (path: string) => string {
  const shownFolders = new Map<string, string | null>();
  return (path) => {
    const folder = dirname(path);
    let shown = shownFolders.get(folder);
    if (shown === undefined) {
      // null across drives, where the path is shown as it is; '' for the current folder.
      const relativeFolder = relative(cwd, folder);
      shown = isAbsolute(relativeFolder) ? null : relativeFolder.split(sep).join('/');
      shownFolders.set(folder, shown);
    }
    if (shown === null) return path;
    const name = basename(path);
    return shown ? `${shown}/${name}` : name;
  };
}

/**
 * The letter files under some folders, for Lint Workspace: `.imr` files, and `.txt` files whose
 * first line is a letter's (an ordinary text file is not a letter there, as the editor does not
 * open it as one). Sorted, each once; folders that cannot be read are left out.
 */
export function findLetterFiles(folders: readonly string[]): string[] {
  const found = new Set<string>();
  const gitIgnores = new GitIgnores();
  for (const folder of folders) {
    const walk = new LetterWalk([], gitIgnores);
    walk.walk(folder, folder);
    for (const file of walk.found) if (!file.toLowerCase().endsWith('.txt') || startsAsLetter(file)) found.add(file);
  }
  return [...found].sort();
}

/** Whether a file's first line is a letter's, read from its first 512 bytes in any encoding a letter file may have. */
function startsAsLetter(path: string): boolean {
  const descriptor = openRegularFile(path);
  if (descriptor === null) return false;
  try {
    const buffer = Buffer.alloc(512);
    const length = readSync(descriptor, buffer, 0, buffer.length, 0);
    return looksLikeLetterStart(decodeLetterBytes(buffer.subarray(0, length)).text);
  } catch {
    return false;
  } finally {
    closeSync(descriptor);
  }
}

/**
 * A walk down folders for letter files (`.imr`, `.txt`), skipping hidden folders, node_modules and
 * what a `.gitignore` ignores. Symbolic links are followed, to files and to folders; a folder
 * reached again (a link back up the tree) is not walked twice, and a file reached through several
 * links is listed once, at the first path found.
 */
class LetterWalk {
  /** The files found, in the order found. */
  readonly found: string[] = [];
  /** Letter files a `.gitignore` kept out, to say so when a folder gives nothing else. */
  ignored = 0;
  private readonly seen = new Set<string>();

  constructor(
    private readonly problems: ExpandedInputs['problems'],
    private readonly gitIgnores: GitIgnores,
  ) {}

  /** Walks `folder`, with `root` the folder the user named (for the `.gitignore` files above it). */
  walk(
    folder: string,
    root: string,
    // Known without asking the system for a folder that is not reached through a link: asking once per
    // folder, with a path as long as the tree is deep, made a walk down a deep tree slow.
    real = realPath(folder),
  ): void {
    if (real === null || this.seen.has(real)) return;
    this.seen.add(real);
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      this.problems.push({ input: folder, message: describeFsError(error) });
      return;
    }
    this.gitIgnores.listed(folder, entries.some((entry) => entry.name === '.gitignore'));
    // In name order, so that which of two links to one letter is listed does not depend on the file system.
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const path = join(folder, entry.name);
      const isLetterName = hasLetterExtension(entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = statSync(path);
          isDirectory = target.isDirectory();
          isFile = target.isFile();
        } catch {
          // Leads nowhere, or round in a loop, or its name is not UTF-8: see below.
        }
      }
      if (!isDirectory && !isFile) {
        // Named as a letter but no file to read (a link that leads nowhere, a device or pipe, a name
        // that is not UTF-8): listed all the same, so that reading it says why, as for a file named
        // on the command line, and the batch's outputs count it as a file not read.
        if (isLetterName && !this.ignores(path, false, root)) this.found.push(path);
        continue;
      }
      if (!isDirectory && !isLetterName) continue;
      if (this.ignores(path, isDirectory, root)) continue;
      if (isDirectory) {
        this.walk(path, root, entry.isSymbolicLink() ? realPath(path) : join(real, entry.name));
        continue;
      }
      // Its real path, to know it again through another link; a plain file's is in its folder's.
      const file = entry.isSymbolicLink() ? realPath(path) : join(real, entry.name);
      if (file === null || this.seen.has(file)) continue;
      this.seen.add(file);
      this.found.push(path);
    }
  }

  private ignores(path: string, isDirectory: boolean, root: string): boolean {
    if (!this.gitIgnores.ignores(path, isDirectory, root)) return false;
    if (!isDirectory) this.ignored++;
    return true;
  }
}

function realPath(path: string): string | null {
  try {
    // The system's own: the JavaScript one looks at every folder of the path again.
    return realpathSync.native(path);
  } catch {
    return null;
  }
}

function hasGlobCharacters(input: string): boolean {
  return /[*?[]/.test(input);
}

/** The files a glob matches, absolute, through symbolic links, without hidden folders or node_modules; none for a pattern that cannot be read. */
function expandGlob(pattern: string, cwd: string): string[] {
  try {
    // Loaded on first use: most runs name files and folders, and starting tinyglobby costs a CLI run several milliseconds.
    const { globSync } = require('tinyglobby') as typeof import('tinyglobby');
    return globSync(pattern.split(sep).join('/'), { cwd, absolute: true, onlyFiles: true, followSymbolicLinks: true, expandDirectories: false, ignore: ['**/node_modules/**'] }).map((match) => resolve(match));
  } catch {
    return [];
  }
}

/**
 * What the `.gitignore` files say of a path: those of its folder and of every folder above it, up
 * to the repository's top (the folder holding `.git`), or, outside a repository, up to the folder
 * the walk started from. Each `.gitignore` is read once, and each folder's list of the `.gitignore`
 * files that apply to it is made once, from its parent's, so a deep tree costs no more per file
 * than a shallow one.
 */
class GitIgnores {
  private readonly byFolder = new Map<string, Ignore | null>();
  private readonly tops = new Map<string, string>();
  /** Per top, per folder: the folders at or above it, up to the top, that have a `.gitignore`, with its rules. */
  private readonly chains = new Map<string, Map<string, readonly IgnoreRules[]>>();

  ignores(path: string, isDirectory: boolean, root: string): boolean {
    for (const { folder, rules } of this.chainFor(dirname(path), this.topFor(root))) {
      const relativePath = pathBelow(folder, path).split(sep).join('/');
      if (relativePath && rules.ignores(isDirectory ? `${relativePath}/` : relativePath)) return true;
    }
    return false;
  }

  private chainFor(folder: string, top: string): readonly IgnoreRules[] {
    let chains = this.chains.get(top);
    if (!chains) this.chains.set(top, (chains = new Map()));
    // The folders from this one up to the first whose chain is known (or the top), made top down.
    const missing: string[] = [];
    let known: readonly IgnoreRules[] = [];
    for (let at = folder; ; at = dirname(at)) {
      const chain = chains.get(at);
      if (chain) {
        known = chain;
        break;
      }
      missing.push(at);
      if (at === top || dirname(at) === at) break;
    }
    for (let index = missing.length - 1; index >= 0; index--) {
      const at = missing[index]!;
      const rules = this.rulesIn(at);
      known = rules ? [...known, { folder: at, rules }] : known;
      chains.set(at, known);
    }
    return known;
  }

  /** What a walk saw when it listed `folder`: whether it holds a `.gitignore`, so that none is looked for there. */
  listed(folder: string, hasGitIgnore: boolean): void {
    if (!hasGitIgnore && !this.byFolder.has(folder)) this.byFolder.set(folder, null);
  }

  /** The top of the repository holding `root`, or `root` itself outside a repository. */
  private topFor(root: string): string {
    let top = this.tops.get(root);
    if (top === undefined) {
      top = root;
      for (let folder = root; ; folder = dirname(folder)) {
        if (existsSync(join(folder, '.git'))) {
          top = folder;
          break;
        }
        if (dirname(folder) === folder) break;
      }
      this.tops.set(root, top);
    }
    return top;
  }

  private rulesIn(folder: string): Ignore | null {
    let rules = this.byFolder.get(folder);
    if (rules === undefined) {
      let text: string | null = null;
      try {
        text = readRegularFile(join(folder, '.gitignore'), MAX_SETTINGS_FILE_BYTES, 'utf8');
      } catch {
        // No .gitignore here, or none that can be read as one (a folder, a device, a pipe).
      }
      rules = text === null ? null : ignore().add(text);
      this.byFolder.set(folder, rules);
    }
    return rules;
  }
}

interface IgnoreRules {
  readonly folder: string;
  readonly rules: Ignore;
}

/** `path` relative to `folder`, an absolute folder above it (both resolved, as the walk makes them). */
function pathBelow(folder: string, path: string): string {
  const prefix = folder.endsWith(sep) ? folder : folder + sep;
  return path.startsWith(prefix) ? path.slice(prefix.length) : relative(folder, path);
}
