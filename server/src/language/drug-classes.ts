import type { Span } from '../letter/model';
import { PhraseMatcher } from './terms';
import { asTokenList, tokenList, type Tokens } from './tokens';

/**
 * A small local drug dictionary: brand and generic names mapped to a canonical
 * generic and the classes the documentation rules care about. It stands in for
 * the knowledge base (server/src/knowledge) behind the `DrugLookup` interface;
 * `drugLookupFor` picks the knowledge base when it offers drug lookup.
 */

export type DrugClass =
  | 'opioid'
  | 'muscle-relaxant'
  | 'benzodiazepine'
  | 'anti-epileptic'
  | 'nsaid'
  | 'topical'
  | 'antidepressant'
  | 'gastro-protective'
  | 'sedative'
  | 'other';

export interface DrugInfo {
  /** Canonical generic name, lower case ("tizanidine" for "Zanaflex"). */
  readonly generic: string;
  readonly classes: readonly DrugClass[];
}

export interface DrugMention extends DrugInfo {
  /** The name as matched (lower case). */
  readonly name: string;
  readonly span: Span;
  /** Token indexes of the mention inside the token array it was found in. */
  readonly first: number;
  readonly end: number;
}

export interface DrugLookup {
  /** The drug a single name refers to ("Norco" → hydrocodone, opioid), or null. */
  lookup(name: string): DrugInfo | null;
  /** Every drug named in `tokens[from..to)`, left to right. */
  mentions(tokens: Tokens, from?: number, to?: number): DrugMention[];
}

type Entry = readonly [generic: string, classes: readonly DrugClass[], names: readonly string[]];

const O: readonly DrugClass[] = ['opioid'];
const MR: readonly DrugClass[] = ['muscle-relaxant'];
const BZ: readonly DrugClass[] = ['benzodiazepine'];
const AED: readonly DrugClass[] = ['anti-epileptic'];
const NS: readonly DrugClass[] = ['nsaid'];
const TOP: readonly DrugClass[] = ['topical'];
const AD: readonly DrugClass[] = ['antidepressant'];
const GI: readonly DrugClass[] = ['gastro-protective'];
const SED: readonly DrugClass[] = ['sedative'];
const OTHER: readonly DrugClass[] = ['other'];

const ENTRIES: readonly Entry[] = [
  ['hydrocodone', O, ['hydrocodone', 'hydrocodone/apap', 'hydrocodone/acetaminophen', 'hydrocodone bitartrate', 'apap/hydrocodone', 'norco', 'vicodin', 'lortab', 'hysingla', 'zohydro', 'vicoprofen']],
  ['oxycodone', O, ['oxycodone', 'oxycodone/apap', 'oxycodone/acetaminophen', 'oxycontin', 'percocet', 'roxicodone', 'endocet', 'xtampza', 'roxicet']],
  ['oxymorphone', O, ['oxymorphone', 'opana']],
  ['hydromorphone', O, ['hydromorphone', 'dilaudid', 'exalgo']],
  ['morphine', O, ['morphine', 'ms contin', 'mscontin', 'kadian', 'avinza', 'embeda']],
  ['fentanyl', O, ['fentanyl', 'duragesic', 'fentora', 'actiq', 'subsys']],
  ['tramadol', O, ['tramadol', 'tramadol hcl', 'ultram', 'ultracet', 'conzip', 'ryzolt', 'synapryn', 'tramadol/apap']],
  ['tapentadol', O, ['tapentadol', 'nucynta']],
  ['methadone', O, ['methadone', 'dolophine']],
  ['buprenorphine', O, ['buprenorphine', 'butrans', 'belbuca', 'suboxone', 'subutex', 'zubsolv']],
  ['codeine', O, ['codeine', 'tylenol with codeine', 'tylenol #3', 'tylenol #4', 'tylenol no. 3', 'tylenol 3', 'fioricet with codeine']],
  ['meperidine', O, ['meperidine', 'demerol']],
  ['pentazocine', O, ['pentazocine', 'talwin']],
  ['levorphanol', O, ['levorphanol']],
  ['cyclobenzaprine', MR, ['cyclobenzaprine', 'flexeril', 'amrix', 'fexmid']],
  ['tizanidine', MR, ['tizanidine', 'zanaflex']],
  ['baclofen', MR, ['baclofen', 'lioresal']],
  ['carisoprodol', MR, ['carisoprodol', 'soma']],
  ['methocarbamol', MR, ['methocarbamol', 'robaxin']],
  ['orphenadrine', MR, ['orphenadrine', 'orphenadrine citrate', 'norflex']],
  ['metaxalone', MR, ['metaxalone', 'skelaxin']],
  ['chlorzoxazone', MR, ['chlorzoxazone', 'parafon forte', 'lorzone']],
  ['dantrolene', MR, ['dantrolene', 'dantrium']],
  ['alprazolam', BZ, ['alprazolam', 'xanax']],
  ['clonazepam', BZ, ['clonazepam', 'klonopin']],
  ['diazepam', BZ, ['diazepam', 'valium']],
  ['lorazepam', BZ, ['lorazepam', 'ativan']],
  ['temazepam', BZ, ['temazepam', 'restoril']],
  ['chlordiazepoxide', BZ, ['chlordiazepoxide', 'librium']],
  ['triazolam', BZ, ['triazolam', 'halcion']],
  ['oxazepam', BZ, ['oxazepam']],
  ['clorazepate', BZ, ['clorazepate', 'tranxene']],
  ['estazolam', BZ, ['estazolam']],
  ['flurazepam', BZ, ['flurazepam']],
  ['gabapentin', AED, ['gabapentin', 'neurontin', 'gralise', 'horizant']],
  ['pregabalin', AED, ['pregabalin', 'lyrica']],
  ['topiramate', AED, ['topiramate', 'topamax']],
  ['carbamazepine', AED, ['carbamazepine', 'tegretol']],
  ['oxcarbazepine', AED, ['oxcarbazepine', 'trileptal']],
  ['lamotrigine', AED, ['lamotrigine', 'lamictal']],
  ['levetiracetam', AED, ['levetiracetam', 'keppra']],
  ['divalproex', AED, ['divalproex', 'valproate', 'valproic acid', 'depakote']],
  ['phenytoin', AED, ['phenytoin', 'dilantin']],
  ['zonisamide', AED, ['zonisamide', 'zonegran']],
  ['ibuprofen', NS, ['ibuprofen', 'motrin', 'advil']],
  ['naproxen', NS, ['naproxen', 'naproxen sodium', 'naprosyn', 'anaprox', 'anaprox ds', 'aleve']],
  ['diclofenac', NS, ['diclofenac', 'diclofenac sodium', 'voltaren', 'arthrotec', 'zorvolex', 'zipsor', 'cambia']],
  ['celecoxib', NS, ['celecoxib', 'celebrex']],
  ['meloxicam', NS, ['meloxicam', 'mobic']],
  ['etodolac', NS, ['etodolac', 'lodine']],
  ['nabumetone', NS, ['nabumetone', 'relafen']],
  ['ketoprofen', NS, ['ketoprofen']],
  ['ketorolac', NS, ['ketorolac', 'toradol']],
  ['indomethacin', NS, ['indomethacin', 'indocin']],
  ['piroxicam', NS, ['piroxicam', 'feldene']],
  ['diflunisal', NS, ['diflunisal']],
  ['oxaprozin', NS, ['oxaprozin', 'daypro']],
  ['flurbiprofen', NS, ['flurbiprofen']],
  ['fenoprofen', NS, ['fenoprofen', 'nalfon']],
  ['salsalate', NS, ['salsalate']],
  ['ibuprofen/famotidine', NS, ['duexis']],
  ['naproxen/esomeprazole', NS, ['vimovo']],
  ['lidocaine', TOP, ['lidocaine', 'lidoderm', 'lidopro', 'lidothol', 'xylocaine']],
  ['capsaicin', TOP, ['capsaicin', 'zostrix', 'qutenza']],
  ['methyl salicylate', TOP, ['methyl salicylate', 'salonpas', 'bengay', 'terocin', 'menthoderm']],
  ['menthol', TOP, ['menthol', 'biofreeze']],
  ['diclofenac topical', [...NS, ...TOP], ['flector', 'pennsaid', 'voltaren gel']],
  ['ketoprofen topical', [...NS, ...TOP], ['ketophene']],
  ['cyclobenzaprine topical', [...MR, ...TOP], ['cyclophene']],
  ['lidocaine/prilocaine', TOP, ['anecream', 'emla', 'prilocaine']],
  ['amitriptyline', AD, ['amitriptyline', 'elavil']],
  ['nortriptyline', AD, ['nortriptyline', 'nortriptyline hcl', 'pamelor']],
  ['desipramine', AD, ['desipramine', 'norpramin']],
  ['duloxetine', AD, ['duloxetine', 'cymbalta']],
  ['venlafaxine', AD, ['venlafaxine', 'effexor']],
  ['trazodone', AD, ['trazodone', 'desyrel']],
  ['sertraline', AD, ['sertraline', 'zoloft']],
  ['fluoxetine', AD, ['fluoxetine', 'prozac']],
  ['citalopram', AD, ['citalopram', 'celexa']],
  ['escitalopram', AD, ['escitalopram', 'lexapro']],
  ['bupropion', AD, ['bupropion', 'wellbutrin']],
  ['omeprazole', GI, ['omeprazole', 'prilosec']],
  ['pantoprazole', GI, ['pantoprazole', 'pantoprazole sodium', 'protonix']],
  ['lansoprazole', GI, ['lansoprazole', 'prevacid']],
  ['esomeprazole', GI, ['esomeprazole', 'nexium']],
  ['rabeprazole', GI, ['rabeprazole', 'aciphex']],
  ['dexlansoprazole', GI, ['dexlansoprazole', 'dexilant']],
  ['famotidine', GI, ['famotidine', 'pepcid']],
  ['ranitidine', GI, ['ranitidine', 'zantac']],
  ['zolpidem', SED, ['zolpidem', 'ambien']],
  ['eszopiclone', SED, ['eszopiclone', 'lunesta']],
  ['butalbital', SED, ['butalbital', 'fioricet', 'fiorinal', 'esgic']],
  ['acetaminophen', OTHER, ['acetaminophen', 'tylenol', 'apap']],
  ['docusate', OTHER, ['docusate', 'colace']],
  ['sennosides', OTHER, ['senna', 'senokot']],
  ['ondansetron', OTHER, ['ondansetron', 'zofran']],
  ['modafinil', OTHER, ['modafinil', 'armodafinil', 'provigil', 'nuvigil']],
  ['sildenafil', OTHER, ['sildenafil', 'viagra']],
  ['tadalafil', OTHER, ['tadalafil', 'cialis']],
  ['sumatriptan', OTHER, ['sumatriptan', 'imitrex']],
  ['methylprednisolone', OTHER, ['methylprednisolone', 'medrol']],
  ['prednisone', OTHER, ['prednisone']],
  ['dexamethasone', OTHER, ['dexamethasone']],
  ['bupivacaine', OTHER, ['bupivacaine', 'marcaine']],
  ['dextromethorphan', OTHER, ['dextromethorphan']],
  ['glucosamine', OTHER, ['glucosamine']],
  ['hydroxyzine', OTHER, ['hydroxyzine', 'vistaril', 'atarax']],
];

/** Names that are already words separated by single spaces, once lower-cased, need no tokenizing. */
const PLAIN_NAME = /^[a-z0-9]+(?: [a-z0-9]+)*$/i;

function normaliseName(name: string): string {
  if (PLAIN_NAME.test(name)) return name.toLowerCase();
  const tokens = tokenList(name);
  const words: string[] = [];
  for (let index = 0; index < tokens.length; index++) if (tokens.norm(index) !== '-') words.push(tokens.norm(index));
  return words.join(' ');
}

function lookupOver(byName: ReadonlyMap<string, DrugInfo>): DrugLookup {
  const matcher = new PhraseMatcher<DrugInfo>([...byName].map(([name, info]) => [name, info] as const));
  return {
    lookup(name) {
      return byName.get(normaliseName(name)) ?? null;
    },
    mentions(tokens, from = 0, to = tokens.length) {
      return matcher.findAll(tokens, from, to).map((match) => ({
        generic: match.value.generic,
        classes: match.value.classes,
        name: match.phrase,
        span: match.span,
        first: match.first,
        end: match.end,
      }));
    },
  };
}

function localNames(): Map<string, DrugInfo> {
  const byName = new Map<string, DrugInfo>();
  for (const [generic, classes, names] of ENTRIES) {
    const info: DrugInfo = { generic, classes };
    for (const name of names) byName.set(normaliseName(name), info);
  }
  return byName;
}

export const localDrugLookup: DrugLookup = lookupOver(localNames());

/** The slice of the knowledge base's drug dictionary this module reads (server/src/knowledge/types.ts `DrugEntry`). */
export interface KnowledgeDrug {
  readonly id: string;
  readonly generic: string;
  readonly brands: readonly string[];
  readonly otherNames: readonly string[];
  readonly classes: readonly string[];
}

/** Knowledge-base classes mapped onto the classes the rules distinguish. */
const KNOWLEDGE_CLASSES: Readonly<Record<string, DrugClass>> = {
  opioid: 'opioid',
  'muscle relaxant': 'muscle-relaxant',
  antispasticity: 'muscle-relaxant',
  benzodiazepine: 'benzodiazepine',
  'anti-epilepsy': 'anti-epileptic',
  NSAID: 'nsaid',
  topical: 'topical',
  compounded: 'topical',
  salicylate: 'topical',
  antidepressant: 'antidepressant',
  PPI: 'gastro-protective',
  'H2 blocker': 'gastro-protective',
  'GI protectant': 'gastro-protective',
  'sleep aid': 'sedative',
  anxiolytic: 'sedative',
  'barbiturate-containing analgesic': 'sedative',
};

function mapKnowledgeClasses(classes: readonly string[]): DrugClass[] {
  const mapped = new Set<DrugClass>();
  for (const knowledgeClass of classes) mapped.add(KNOWLEDGE_CLASSES[knowledgeClass] ?? 'other');
  if (mapped.size > 1) mapped.delete('other');
  return [...mapped];
}

const knowledgeLookups = new WeakMap<object, DrugLookup>();

/**
 * A lookup over the knowledge base's drug dictionary (its drug ids become the
 * canonical names), completed with local names it does not know, each mapped
 * to the knowledge-base drug of the same generic where there is one.
 */
export function knowledgeDrugLookup(drugs: readonly KnowledgeDrug[]): DrugLookup {
  const byName = new Map<string, DrugInfo>();
  for (const drug of drugs) {
    const info: DrugInfo = { generic: drug.id, classes: mapKnowledgeClasses(drug.classes) };
    for (const name of [drug.generic, ...drug.brands, ...drug.otherNames]) {
      const key = normaliseName(name);
      if (key && !byName.has(key)) byName.set(key, info);
    }
  }
  for (const [generic, classes, names] of ENTRIES) {
    const known = byName.get(normaliseName(generic));
    const info: DrugInfo = known ?? { generic, classes };
    for (const name of names) {
      const key = normaliseName(name);
      if (!byName.has(key)) byName.set(key, info);
    }
  }
  return lookupOver(byName);
}

/** Dosage-form words that make an item a topical regardless of its ingredients. */
const TOPICAL_FORMS = new PhraseMatcher<true>(
  ['cream', 'creams', 'gel', 'ointment', 'lotion', 'topical', 'compound', 'compounded', 'cream base', 'salve', 'liniment', 'pad', 'pads', 'patch', 'patches', 'transdermal', 'spray', 'roll on', 'balm']
    .map((phrase) => [phrase, true] as const),
);

const STRENGTH_UNITS = new Set(['mg', 'mcg', 'g', 'gm', 'gms', 'gram', 'grams', 'ml', 'mls', '%', 'units', 'iu', 'meq']);

/** True when `tokens[from..to)` holds a dose or strength such as "5%", "10mg", "4 MG", "111.2 grams". */
export function hasStrength(tokenInput: Tokens, from = 0, to = tokenInput.length): boolean {
  const tokens = asTokenList(tokenInput);
  for (let index = from; index < to; index++) {
    if (tokens.isWord(index) && /^[0-9.]+(mg|mcg|gm|gms|g|grams?|ml|mls)$/.test(tokens.norm(index))) return true;
    if (tokens.isNumber(index) && index + 1 < to && STRENGTH_UNITS.has(tokens.norm(index + 1))) return true;
  }
  return false;
}

/**
 * Classes of everything named in `tokens[from..to)`. A topical dosage form
 * ("cream", "patch") adds "topical" only when the text also names a drug or a
 * strength, so "Ice/Heat pads" stays a non-drug item.
 */
export function classesInTokens(lookup: DrugLookup, tokens: Tokens, from = 0, to = tokens.length): Set<DrugClass> {
  return classesOfMentions(lookup.mentions(tokens, from, to), tokens, from, to);
}

/** `classesInTokens` when the drug mentions in `tokens[from..to)` are already known. */
export function classesOfMentions(mentions: readonly DrugMention[], tokens: Tokens, from = 0, to = tokens.length): Set<DrugClass> {
  const classes = new Set<DrugClass>();
  for (const mention of mentions) for (const drugClass of mention.classes) classes.add(drugClass);
  if (TOPICAL_FORMS.occursIn(tokens, from, to) && (mentions.length > 0 || hasStrength(tokens, from, to))) classes.add('topical');
  return classes;
}

/**
 * The drug lookup to use for a rule run: the knowledge base's drug dictionary
 * when the context carries one (anything with a `drugs` array of entries), built
 * once per knowledge base; otherwise the local dictionary above.
 */
export function drugLookupFor(knowledge: unknown): DrugLookup {
  if (!knowledge || typeof knowledge !== 'object') return localDrugLookup;
  const drugs = (knowledge as { drugs?: unknown }).drugs;
  if (!Array.isArray(drugs) || drugs.length === 0) return localDrugLookup;
  let lookup = knowledgeLookups.get(knowledge);
  if (!lookup) {
    lookup = knowledgeDrugLookup(drugs as KnowledgeDrug[]);
    knowledgeLookups.set(knowledge, lookup);
  }
  return lookup;
}
