import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { describeFsError } from './fs-errors';
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
      problems.push({ input, message: describeFsError(error) });
      continue;
    }
    if (stats.isDirectory()) {
      const found = walk(path, hasLetterExtension, problems, new Set(), gitIgnores, path);
      if (found.length === 0) problems.push({ input, message: 'the folder holds no .imr or .txt files' });
      found.forEach((file) => files.add(file));
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
  const problems: ExpandedInputs['problems'] = [];
  const gitIgnores = new GitIgnores();
  for (const folder of folders) {
    for (const file of walk(folder, hasLetterExtension, problems, new Set(), gitIgnores, folder)) {
      if (!file.toLowerCase().endsWith('.txt') || startsAsLetter(file)) found.add(file);
    }
  }
  return [...found].sort();
}

/** Whether a file's first line is a letter's, read from its first 512 bytes in any encoding a letter file may have. */
function startsAsLetter(path: string): boolean {
  let descriptor: number | undefined;
  try {
    descriptor = openSync(path, 'r');
    const buffer = Buffer.alloc(512);
    const length = readSync(descriptor, buffer, 0, buffer.length, 0);
    return looksLikeLetterStart(decodeLetterBytes(buffer.subarray(0, length)).text);
  } catch {
    return false;
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

/**
 * The files under a folder that `accept` takes, skipping hidden folders, node_modules and what a
 * `.gitignore` ignores. Symbolic links are followed, to files and to folders; a folder reached again
 * (a link back up the tree) is not walked twice, and a file reached through several links is listed
 * once, at the first path found.
 */
function walk(
  folder: string,
  accept: (file: string) => boolean,
  problems: ExpandedInputs['problems'],
  seen: Set<string>,
  gitIgnores: GitIgnores,
  root: string,
): string[] {
  const found: string[] = [];
  const real = realPath(folder);
  if (real === null || seen.has(real)) return found;
  seen.add(real);
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch (error) {
    problems.push({ input: folder, message: describeFsError(error) });
    return found;
  }
  // In name order, so that which of two links to one letter is listed does not depend on the file system.
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const target = statSync(path);
        isDirectory = target.isDirectory();
        isFile = target.isFile();
      } catch {
        continue; // A broken link points at nothing to lint.
      }
    }
    if ((isDirectory || (isFile && accept(entry.name))) && gitIgnores.ignores(path, isDirectory, root)) continue;
    if (isDirectory) found.push(...walk(path, accept, problems, seen, gitIgnores, root));
    else if (isFile && accept(entry.name)) {
      // Its real path, to know it again through another link; a plain file's is in its folder's.
      const file = entry.isSymbolicLink() ? realPath(path) : join(real, entry.name);
      if (file === null || seen.has(file)) continue;
      seen.add(file);
      found.push(path);
    }
  }
  return found;
}

function realPath(path: string): string | null {
  try {
    return realpathSync(path);
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
 * the walk started from. Each `.gitignore` is read once.
 */
class GitIgnores {
  private readonly byFolder = new Map<string, Ignore | null>();
  private readonly tops = new Map<string, string>();

  ignores(path: string, isDirectory: boolean, root: string): boolean {
    const top = this.topFor(root);
    for (let folder = dirname(path); ; folder = dirname(folder)) {
      const rules = this.rulesIn(folder);
      const relativePath = relative(folder, path).split(sep).join('/');
      if (rules && relativePath && rules.ignores(isDirectory ? `${relativePath}/` : relativePath)) return true;
      if (folder === top || dirname(folder) === folder) return false;
    }
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
        text = readFileSync(join(folder, '.gitignore'), 'utf8');
      } catch {
        // No .gitignore here.
      }
      rules = text === null ? null : ignore().add(text);
      this.byFolder.set(folder, rules);
    }
    return rules;
  }
}
