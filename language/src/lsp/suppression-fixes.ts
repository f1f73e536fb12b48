/**
 * Quick fixes around suppression comments, like a linter's "disable for this line":
 * - on any finding but `syntax-error` (and `unused-suppression`): silence its code on its line
 *   (a `// workflow-disable-next-line CODE` above it, indented like it, or the code added to
 *   such a comment already there), or in the whole file (`// workflow-disable CODE` at the top);
 * - on `unused-suppression`: take the code out of its comment, or the comment away when it
 *   names nothing else.
 */
import type { LangiumDocument } from 'langium';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver';
import { CodeActionKind } from 'vscode-languageserver';
import { IssueCodes } from '../validation/issue-codes.js';
import type { UnusedSuppressionData } from '../validation/suppressions.js';
import { DISABLE, DISABLE_NEXT_LINE, findSuppressions } from '../validation/suppressions.js';

export function suppressionFixes(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
    const code = typeof diagnostic.code === 'string' ? diagnostic.code : undefined;
    if (!code || code === IssueCodes.SyntaxError) return [];
    if (code === IssueCodes.UnusedSuppression) return removeUnused(document, diagnostic);
    return [disableForLine(document, diagnostic, code), disableForFile(document, diagnostic, code)];
}

function disableForLine(document: LangiumDocument, diagnostic: Diagnostic, code: string): CodeAction {
    const text = document.textDocument.getText();
    const line = diagnostic.range.start.line;
    const above = line > 0 ? findSuppressions(lineText(text, document, line - 1)).find(s => s.kind === 'next-line') : undefined;
    let edit: TextEdit;
    if (above && above.codes.length > 0) {
        const last = above.codes[above.codes.length - 1].range.end.character;
        const at = { line: line - 1, character: last };
        edit = { range: { start: at, end: at }, newText: `, ${code}` };
    } else {
        const indent = /^[ \t]*/.exec(lineText(text, document, line))![0];
        const at = { line, character: 0 };
        edit = { range: { start: at, end: at }, newText: `${indent}// ${DISABLE_NEXT_LINE} ${code}\n` };
    }
    return action(`Disable ${code} for this line`, diagnostic, document, [edit]);
}

function disableForFile(document: LangiumDocument, diagnostic: Diagnostic, code: string): CodeAction {
    const at = { line: 0, character: 0 };
    return action(`Disable ${code} for the entire file`, diagnostic, document, [
        { range: { start: at, end: at }, newText: `// ${DISABLE} ${code}\n` },
    ]);
}

function removeUnused(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
    const data = diagnostic.data as UnusedSuppressionData | undefined;
    if (!data?.comment) return [];
    const text = document.textDocument.getText();
    const { comment } = data;
    let edit: TextEdit;
    if (data.codes <= 1) {
        const line = lineText(text, document, comment.start.line);
        const alone = line.slice(0, comment.start.character).trim() === '';
        edit = alone
            ? {
                  range: { start: { line: comment.start.line, character: 0 }, end: { line: comment.start.line + 1, character: 0 } },
                  newText: '',
              }
            : {
                  range: { start: { line: comment.start.line, character: trimmedEnd(line, comment.start.character) }, end: comment.end },
                  newText: '',
              };
    } else {
        edit = removeCode(lineText(text, document, comment.start.line), diagnostic);
    }
    return [action('Remove unused suppression', diagnostic, document, [edit], true)];
}

/** Takes one code out of a list `a, b, c`, with the comma and space that separate it from its neighbour. */
function removeCode(line: string, diagnostic: Diagnostic): TextEdit {
    const { start, end } = diagnostic.range;
    const after = /^\s*,\s*/.exec(line.slice(end.character));
    if (after) {
        return { range: { start, end: { line: end.line, character: end.character + after[0].length } }, newText: '' };
    }
    const before = /\s*,\s*$/.exec(line.slice(0, start.character));
    const from = before ? start.character - before[0].length : start.character;
    return { range: { start: { line: start.line, character: from }, end }, newText: '' };
}

function trimmedEnd(line: string, character: number): number {
    return line.slice(0, character).trimEnd().length;
}

function lineText(text: string, document: LangiumDocument, line: number): string {
    const start = document.textDocument.offsetAt({ line, character: 0 });
    const end = text.indexOf('\n', start);
    return text.slice(start, end < 0 ? text.length : end).replace(/\r$/, '');
}

function action(title: string, diagnostic: Diagnostic, document: LangiumDocument, edits: TextEdit[], isPreferred = false): CodeAction {
    return {
        title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred,
        edit: { changes: { [document.uri.toString()]: edits } },
    };
}
