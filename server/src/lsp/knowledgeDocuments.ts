import type { KnowledgeRef } from '../knowledge';

/** URI scheme of the read-only documents that show a knowledge entry (go to definition). */
export const KNOWLEDGE_SCHEME = 'imr-knowledge';
export const KNOWLEDGE_ENTRY_REQUEST = 'imr/knowledgeEntry';

const KINDS: ReadonlySet<string> = new Set(['guideline', 'section', 'drug', 'term', 'odg']);

/**
 * `imr-knowledge:/section/cp09-opioids.md?letter=<uri>`: the `.md` ending makes
 * editors render it as Markdown; the letter says whose knowledge files apply.
 */
export function knowledgeUri(ref: KnowledgeRef, letterUri: string): string {
  return `${KNOWLEDGE_SCHEME}:/${ref.kind}/${encodeURIComponent(ref.id)}.md?letter=${encodeURIComponent(letterUri)}`;
}

export function knowledgeRefFromUri(uri: string): { ref: KnowledgeRef; letterUri: string | null } | null {
  const match = /^imr-knowledge:\/([a-z]+)\/([^/?]+)\.md(?:\?letter=([^&]*))?$/.exec(uri);
  if (!match || !KINDS.has(match[1])) return null;
  try {
    return {
      ref: { kind: match[1] as KnowledgeRef['kind'], id: decodeURIComponent(match[2]) },
      letterUri: match[3] ? decodeURIComponent(match[3]) : null,
    };
  } catch {
    return null;
  }
}
