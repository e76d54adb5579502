import { closeSync, constants, fstatSync, lstatSync, openSync, readFileSync } from 'node:fs';

const NOT_REGULAR_FILE = 'not a regular file (a device, pipe or socket)';
/** A name with bytes that are not UTF-8 reaches the program with U+FFFD in their place, and no file has that name. */
export const NOT_UTF8_NAME = 'the name is not valid UTF-8, and only files with UTF-8 names can be opened; rename the file';

/** The most a settings-like file (`.imrlintrc.json`, `.gitignore`, a file being updated) may hold. */
export const MAX_SETTINGS_FILE_BYTES = 16 * 1024 * 1024;
/** The most a knowledge file may hold. */
export const MAX_KNOWLEDGE_FILE_BYTES = 64 * 1024 * 1024;
/** The most a letter file may hold to be read at all; a smaller limit (`--max-file-size`) decides which are analysed. */
export const MAX_LETTER_FILE_BYTES = 256 * 1024 * 1024;

/**
 * A file's bytes, for every file the tools read: refused, with a plain message, when it is not a
 * regular file (a device such as /dev/zero never ends, and a pipe would wait for a writer) or is
 * larger than `maxBytes`. It is opened without waiting, so that even a named pipe cannot block.
 * Errors are the file system's or carry a message `describeFsError` passes on.
 */
export function readRegularFile(path: string, maxBytes: number): Buffer;
export function readRegularFile(path: string, maxBytes: number, encoding: 'utf8'): string;
export function readRegularFile(path: string, maxBytes: number, encoding?: 'utf8'): Buffer | string {
  const descriptor = openChecked(path, maxBytes);
  try {
    return encoding ? readFileSync(descriptor, encoding) : readFileSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
}

/** `path` opened when it is a regular file, without waiting on a named pipe; otherwise null. The caller closes it. */
export function openRegularFile(path: string): number | null {
  try {
    return openChecked(path, Infinity);
  } catch {
    return null;
  }
}

/** `path` opened, once it is known to be a regular file of at most `maxBytes`; otherwise the reason is thrown. */
function openChecked(path: string, maxBytes: number): number {
  const descriptor = openWithoutWaiting(path);
  try {
    const stats = fstatSync(descriptor);
    if (stats.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
    if (!stats.isFile()) throw new Error(NOT_REGULAR_FILE);
    if (stats.size > maxBytes) throw new Error(`larger than ${Math.round(maxBytes / (1024 * 1024))} MB; not read`);
    return descriptor;
  } catch (error) {
    closeSync(descriptor);
    throw error;
  }
}

function openWithoutWaiting(path: string): number {
  try {
    // O_NONBLOCK is POSIX; elsewhere (Windows) there are no named pipes in the file system to wait on.
    return openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      if (path.includes('\ufffd')) throw new Error(NOT_UTF8_NAME);
      if (lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink()) throw new Error('a symbolic link to a file that does not exist');
    }
    throw error;
  }
}
