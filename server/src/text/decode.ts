/**
 * Decodes a letter file whatever its encoding: UTF-8 (with or without BOM), UTF-16 with a BOM or
 * without one (told by its zero bytes), and Windows-1252 for older exports that are not valid UTF-8.
 */
export function decodeLetterBytes(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16 };
  const hasUtf8Bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasUtf8Bom ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(body), encoding: 'windows-1252' };
  }
}

/**
 * UTF-16 without a byte-order mark, as some Windows tools save text: a letter is mostly ASCII, so
 * in its first kilobyte nearly every other byte is zero, the odd ones (little-endian) or the even
 * ones (big-endian), and the others almost never are. Null otherwise, binary junk included.
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const pairs = Math.min(bytes.length, 1024) >> 1;
  if (pairs < 8) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let index = 0; index < pairs * 2; index += 2) {
    if (bytes[index] === 0) zeroEven++;
    if (bytes[index + 1] === 0) zeroOdd++;
  }
  if (zeroOdd >= pairs * 0.6 && zeroEven <= pairs * 0.02) return 'utf-16le';
  if (zeroEven >= pairs * 0.6 && zeroOdd <= pairs * 0.02) return 'utf-16be';
  return null;
}
