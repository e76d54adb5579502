import { SemanticTokensBuilder, TextDocumentSyncKind, type Connection, type SemanticTokensLegend, type ServerCapabilities } from 'vscode-languageserver';
import { completionsAt } from '../features/completion';
import { foldingSpans } from '../features/folding';
import { hoverAt } from '../features/hover';
import { renderKnowledgeEntry } from '../features/knowledge-markdown';
import { codeLenses } from '../features/code-lens';
import { inlayHints } from '../features/inlay-hints';
import { letterStatus } from '../features/letter-status';
import { normaliseLetter } from '../features/normalise';
import { semanticTokens, SEMANTIC_TOKEN_MODIFIERS, SEMANTIC_TOKEN_TYPES } from '../features/semantic-tokens';
import { outline } from '../features/outline';
import { toCompletionItem, toDocumentSymbol, toFoldingRanges } from './convert';
import type { LetterDocuments, LetterKnowledge } from './documents';
import { knowledgeRefFromUri, knowledgeUri, KNOWLEDGE_ENTRY_REQUEST } from './knowledge-documents';
import { LETTER_STATUS_REQUEST } from './requests';

/** The semantic token types and modifiers, in the order the server encodes them. */
const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = { tokenTypes: [...SEMANTIC_TOKEN_TYPES], tokenModifiers: [...SEMANTIC_TOKEN_MODIFIERS] };

/** What both servers offer over open letters (`registerFeatures`); the Node server adds code actions and the workspace. */
export const FEATURE_CAPABILITIES: ServerCapabilities = {
  textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
  documentSymbolProvider: { label: 'IMR letter' },
  foldingRangeProvider: true,
  hoverProvider: true,
  definitionProvider: true,
  inlayHintProvider: true,
  codeLensProvider: { resolveProvider: false },
  semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true },
  documentFormattingProvider: true,
  completionProvider: { triggerCharacters: [':', ' ', ','] },
};

/** The editor features over an open letter's analysis: outline, folding, hover, go to definition (with its knowledge documents), inlay hints, code lenses, semantic tokens, formatting (Normalise Letter), completion and the status bar's figures. */
export function registerFeatures(connection: Connection, documents: LetterDocuments, knowledge: LetterKnowledge): void {
  connection.onDocumentSymbol(async (params, token) => {
    const state = await documents.letterFor(params.textDocument.uri, token);
    if (!state) return null;
    return outline(state.letter, state.analysis.conclusions).map((node) => toDocumentSymbol(node, state.lines));
  });

  connection.onFoldingRanges(async (params, token) => {
    const state = await documents.letterFor(params.textDocument.uri, token);
    if (!state) return null;
    return toFoldingRanges(foldingSpans(state.letter), state.lines, state.letter.text);
  });

  connection.onHover(async (params, token) => {
    const state = await documents.letterFor(params.textDocument.uri, token);
    if (!state) return null;
    const hover = hoverAt(state.letter, state.lines.offsetAt(params.position), state.knowledge, state.analysis.doses);
    if (!hover) return null;
    return { contents: { kind: 'markdown', value: hover.markdown }, range: state.lines.rangeOf(hover.span) };
  });

  /** A cited section, drug or term leads to its knowledge entry, shown as a read-only virtual document. */
  connection.onDefinition(async (params, token) => {
    const state = await documents.letterFor(params.textDocument.uri, token);
    if (!state) return null;
    // Only the entry is needed here, so the item's dose is not worked out.
    const hover = hoverAt(state.letter, state.lines.offsetAt(params.position), state.knowledge);
    if (!hover?.entry) return null;
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return { uri: knowledgeUri(hover.entry, params.textDocument.uri), range };
  });

  connection.onRequest(KNOWLEDGE_ENTRY_REQUEST, async (params: { uri: string }) => {
    const parsed = knowledgeRefFromUri(params.uri);
    if (!parsed) return null;
    const letterKnowledge = parsed.letterUri ? (await documents.stateFor(parsed.letterUri))?.knowledge ?? knowledge.builtin : knowledge.builtin;
    return renderKnowledgeEntry(letterKnowledge, parsed.ref);
  });

  connection.languages.inlayHint.on(async (params, token) => {
    const state = await documents.letterFor(params.textDocument.uri, token);
    if (!state) return null;
    const range = { start: state.lines.offsetAt(params.range.start), end: state.lines.offsetAt(params.range.end) };
    return inlayHints(state.letter, state.analysis, range).map((hint) => ({
      position: state.lines.positionAt(hint.offset),
      label: hint.label,
      tooltip: { kind: 'markdown' as const, value: hint.tooltip },
      paddingLeft: true,
    }));
  });

  connection.onCodeLens(async (params, token) => {
    const state = await documents.letterFor(params.textDocument.uri, token);
    if (!state || !(await documents.settingsFor(params.textDocument.uri)).codeLens) return null;
    return codeLenses(state.letter, state.analysis.criteria).map((lens) => ({
      range: state.lines.rangeOf(lens.span),
      // Informational: the criteria are the title, and the lens does nothing when clicked.
      command: { title: lens.title, command: '' },
    }));
  });

  connection.languages.semanticTokens.on(async (params, token) => {
    const state = await documents.letterFor(params.textDocument.uri, token);
    const builder = new SemanticTokensBuilder();
    if (!state) return builder.build();
    const text = state.letter.text;
    for (const found of semanticTokens(state.letter, state.knowledge)) {
      const type = SEMANTIC_TOKEN_TYPES.indexOf(found.type);
      const modifiers = found.modifiers.reduce((bits, modifier) => bits | (1 << SEMANTIC_TOKEN_MODIFIERS.indexOf(modifier)), 0);
      // A token may not cross a line end: a name wrapped over two lines is two tokens.
      for (let start = found.span.start; start < found.span.end; ) {
        const lineEnd = text.slice(start, found.span.end).search(/\r\n|\r|\n/);
        const end = lineEnd < 0 ? found.span.end : start + lineEnd;
        const position = state.lines.positionAt(start);
        if (end > start) builder.push(position.line, position.character, end - start, type, modifiers);
        start = lineEnd < 0 ? end : end + (text.startsWith('\r\n', end) ? 2 : 1);
      }
    }
    return builder.build();
  });

  /** IMR: Normalise Letter: the text pasted from a PDF as a clean draft, as one edit of the whole document (none when nothing changes). */
  connection.onDocumentFormatting(async (params, token) => {
    const state = await documents.letterFor(params.textDocument.uri, token);
    if (!state) return null;
    const text = state.letter.text;
    const normalised = normaliseLetter(text, state.knowledge);
    if (normalised === text) return [];
    return [{ range: { start: { line: 0, character: 0 }, end: state.lines.positionAt(text.length) }, newText: normalised }];
  });

  connection.onRequest(LETTER_STATUS_REQUEST, async (params: { uri: string }, token) => {
    const state = await documents.letterFor(params.uri, token);
    return state ? letterStatus(state.letter) : null;
  });

  connection.onCompletion(async (params, token) => {
    const state = await documents.letterFor(params.textDocument.uri, token);
    if (!state) return null;
    const offset = state.lines.offsetAt(params.position);
    return completionsAt(state.letter, offset, state.knowledge).map((entry) => toCompletionItem(entry, state.lines, offset));
  });
}
