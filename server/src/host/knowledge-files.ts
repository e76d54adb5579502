import { statSync } from 'node:fs';
import type { KnowledgeBase } from '../knowledge';
import { loadUserKnowledge, type UserKnowledgeFile } from '../knowledge/user-knowledge';
import { describeFsError } from './fs-errors';
import { MAX_KNOWLEDGE_FILE_BYTES, readRegularFile } from './read-file';

interface LoadedKnowledge {
  readonly knowledge: KnowledgeBase;
  readonly problems: readonly string[];
}

/** Reads the user's knowledge files (absolute paths) and layers them over the built-in data. */
export function loadKnowledgeFiles(paths: readonly string[]): LoadedKnowledge {
  const files: UserKnowledgeFile[] = [];
  const problems: string[] = [];
  for (const path of paths) {
    try {
      files.push({ name: path, text: readRegularFile(path, MAX_KNOWLEDGE_FILE_BYTES, 'utf8') });
    } catch (error) {
      problems.push(`${path}: ${describeFsError(error)}`);
    }
  }
  const loaded = loadUserKnowledge(files);
  return { knowledge: loaded.knowledge, problems: [...problems, ...loaded.problems] };
}

/** Changes whenever a file is edited, so cached knowledge is rebuilt only when needed. */
export function knowledgeFilesKey(paths: readonly string[]): string {
  return paths
    .map((path) => {
      try {
        return `${path}@${statSync(path).mtimeMs}`;
      } catch {
        return `${path}@missing`;
      }
    })
    .join('|');
}
