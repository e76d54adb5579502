import { decodeLetterBytes } from '../text/decode';
import { MAX_LETTER_FILE_BYTES, readRegularFile } from './read-file';

/**
 * A letter file's text, decoded as `decodeLetterBytes` decodes it. Most letters are UTF-8
 * without a byte-order mark, and Node reads those to a string in one step; anything else shows
 * in that string as a leading U+FEFF (a byte-order mark), as U+FFFD (bytes that are not UTF-8:
 * UTF-16 or Windows-1252) or as U+0000 (UTF-16 without a byte-order mark), and is then read again
 * as bytes and decoded in full.
 */
export function readLetterFile(path: string): string {
  const text = readRegularFile(path, MAX_LETTER_FILE_BYTES, 'utf8');
  if (text.charCodeAt(0) !== 0xfeff && !text.includes('\ufffd') && !text.includes('\u0000')) return text;
  return decodeLetterBytes(readRegularFile(path, MAX_LETTER_FILE_BYTES)).text;
}
