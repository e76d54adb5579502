import type { KnowledgeRef } from '../knowledge';

/** URI scheme of the read-only documents that show a knowledge entry (go to definition). */
export const KNOWLEDGE_SCHEME = 'imr-knowledge';
export const KNOWLEDGE_ENTRY_REQUEST = 'imr/knowledgeEntry';
/** Server to client: add a knowledge file to `imr.knowledgeFiles` (params `{ folderUri, path }`; answers whether it did). */
export const ADD_KNOWLEDGE_FILE_REQUEST = 'imr/addKnowledgeFile';
/** Server to client: save a knowledge file the quick fix edited, if the editor holds it unsaved (params `{ uri }`). */
export const SAVE_KNOWLEDGE_FILE_REQUEST = 'imr/saveKnowledgeFile';

const KINDS: ReadonlySet<string> = new Set(['guideline', 'section', 'drug', 'term', 'odg']);

/**
 * `imr-knowledge:/section/cp09-opioids.md?letter=<uri>`: the `.md` ending makes
 * editors render it as Markdown; the letter says whose knowledge files apply.
 */
export function knowledgeUri(ref: KnowledgeRef, letterUri: string): string {
  return `${KNOWLEDGE_SCHEME}:/${ref.kind}/${encodeURIComponent(ref.id)}.md?letter=${encodeURIComponent(letterUri)}`;
}

/** Accepts the URI however the editor re-encoded it (VS Code encodes the query's `=` and `:`). */
export function knowledgeRefFromUri(uri: string): { ref: KnowledgeRef; letterUri: string | null } | null {
  let parsed: URL;
  try {
    parsed = new URL(uri);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${KNOWLEDGE_SCHEME}:`) return null;
  const match = /^\/([a-z]+)\/([^/]+)\.md$/.exec(parsed.pathname);
  if (!match || !KINDS.has(match[1])) return null;
  let letterUri = parsed.searchParams.get('letter');
  // Some clients re-encode the whole query, leaving "letter%3D..." as a single name.
  if (letterUri === null) {
    const [name, value] = decodeURIComponent(parsed.search.slice(1)).split(/=(.*)/s);
    if (name === 'letter') letterUri = value ?? null;
  }
  try {
    return { ref: { kind: match[1] as KnowledgeRef['kind'], id: decodeURIComponent(match[2]) }, letterUri };
  } catch {
    return null;
  }
}
