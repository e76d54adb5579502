import type { ValidateFunction } from 'ajv';
import drugsSchema from './schema/drugs.schema.json';
import guidelinesSchema from './schema/guidelines.schema.json';
import odgSchema from './schema/odg.schema.json';
import sectionsSchema from './schema/sections.schema.json';
import termsSchema from './schema/terms.schema.json';
import { buildKnowledge, builtinKnowledgeData, loadKnowledge, mergeKnowledgeData } from './index';
import type { KnowledgeBase } from './knowledge-base';
import type { KnowledgeData } from './types';
import { describeJsonError } from '../text/json-errors';

/** A user file may hold any of these lists, each shaped as in the built-in data files. */
const LISTS = {
  guidelines: { schema: guidelinesSchema, key: 'guidelines' },
  sections: { schema: sectionsSchema, key: 'sections' },
  drugs: { schema: drugsSchema, key: 'drugs' },
  chapters: { schema: odgSchema, key: 'odgChapters' },
  terms: { schema: termsSchema, key: 'terms' },
} as const;

export interface UserKnowledgeFile {
  /** Shown in messages; usually the path. */
  readonly name: string;
  readonly text: string;
}

interface UserKnowledgeResult {
  readonly knowledge: KnowledgeBase;
  /** One message per invalid file, naming it; such files are left out and the rest still apply. */
  readonly problems: readonly string[];
}

let validators: Map<string, ValidateFunction> | null = null;

function validatorFor(list: keyof typeof LISTS): ValidateFunction {
  if (!validators) {
    // Loaded on first use: most runs read no knowledge file, and a CLI run pays for every module it starts.
    const { default: Ajv } = require('ajv') as typeof import('ajv');
    // Formats such as "date" need ajv-formats, which is not loaded: they are left unchecked rather than warned about on stderr.
    const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
    validators = new Map(Object.entries(LISTS).map(([name, { schema }]) => [name, ajv.compile(schema)]));
  }
  return validators.get(list)!;
}

/**
 * Layers organisation-provided knowledge over the built-in data: an entry with a
 * built-in id replaces it, a new id is added. Invalid files are reported and skipped.
 */
export function loadUserKnowledge(files: readonly UserKnowledgeFile[]): UserKnowledgeResult {
  if (files.length === 0) return { knowledge: loadKnowledge(), problems: [] };
  const layers: Partial<KnowledgeData>[] = [];
  const problems: string[] = [];
  for (const file of files) {
    const read = readLayer(file);
    if (typeof read === 'string') problems.push(`${file.name}: ${read}`);
    else layers.push(read);
  }
  if (layers.length === 0) return { knowledge: loadKnowledge(), problems };
  try {
    return { knowledge: buildKnowledge(mergeKnowledgeData(builtinKnowledgeData, ...layers)), problems };
  } catch (error) {
    return { knowledge: loadKnowledge(), problems: [...problems, `The knowledge files could not be combined with the built-in data (${(error as Error).message}); using the built-in knowledge only.`] };
  }
}

function readLayer(file: UserKnowledgeFile): Partial<KnowledgeData> | string {
  let value: unknown;
  try {
    value = JSON.parse(file.text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return `not valid JSON (${describeJsonError(error)})`;
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return 'must be a JSON object with "guidelines", "sections", "drugs", "chapters" or "terms" lists';
  const layer: Record<string, unknown> = {};
  for (const [name, list] of Object.entries(value)) {
    if (name === '$schema') continue;
    if (!(name in LISTS)) return `unknown key "${name}"; use "guidelines", "sections", "drugs", "chapters" or "terms"`;
    const validate = validatorFor(name as keyof typeof LISTS);
    if (!validate({ [name]: list })) {
      const [first] = validate.errors ?? [];
      return `${first?.instancePath || name} ${first?.message ?? 'is invalid'}${(validate.errors?.length ?? 0) > 1 ? ` (and ${validate.errors!.length - 1} more problems)` : ''}`;
    }
    layer[LISTS[name as keyof typeof LISTS].key] = list;
  }
  return layer as Partial<KnowledgeData>;
}
