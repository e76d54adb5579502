/**
 * Requests of this server's own, beyond the protocol, that the extension's client sends. Kept in a
 * module of their own, with no imports, so that the client's bundle takes only these names.
 */

/** The status bar's figures for an open letter: `{ uri }` → `LetterStatus | null` (null: not a letter, or not open). */
export const LETTER_STATUS_REQUEST = 'imr/letterStatus';
