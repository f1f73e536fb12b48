/**
 * Completion inside a line comment: after `// ` the two suppression directives, and after a
 * directive the diagnostic codes (those already named in the comment left out). Elsewhere in a
 * comment nothing is offered: keywords and names have no place there.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, CompletionList, Position } from 'vscode-languageserver-types';
import { CompletionItemKind } from 'vscode-languageserver-types';
import { CODE_CATALOGUE } from '../validation/code-catalogue.js';
import { IssueCodes } from '../validation/issue-codes.js';
import { DISABLE, DISABLE_NEXT_LINE } from '../validation/suppressions.js';

/** The completion at a position inside a line comment, or `undefined` when the position is not in one. */
export function commentCompletion(document: TextDocument, position: Position): CompletionList | undefined {
    const prefix = document.getText({ start: { line: position.line, character: 0 }, end: position });
    const start = lineCommentStart(prefix);
    if (start === undefined) return undefined;
    const comment = prefix.slice(start + 2);
    const partial = /[A-Za-z-]*$/.exec(comment)![0];
    const range = { start: { line: position.line, character: position.character - partial.length }, end: position };
    const directive = /^[ \t]*(workflow-disable-next-line|workflow-disable)[ \t]+(.*)$/.exec(comment);
    if (directive) {
        const named = new Set(directive[2].split(/[\s,]+/).filter(code => code && code !== partial));
        const items: CompletionItem[] = CODE_CATALOGUE.filter(
            entry => entry.code !== IssueCodes.SyntaxError && entry.code !== IssueCodes.UnusedSuppression && !named.has(entry.code),
        ).map((entry, index) => ({
            label: entry.code,
            kind: CompletionItemKind.EnumMember,
            detail: `${entry.defaultSeverity}${entry.optIn ? ', opt-in' : ''}`,
            documentation: entry.summary,
            sortText: String(index).padStart(3, '0'),
            textEdit: { range, newText: entry.code },
        }));
        return { isIncomplete: false, items };
    }
    if (/^[ \t]*[A-Za-z-]*$/.test(comment)) {
        const items: CompletionItem[] = [
            { label: DISABLE_NEXT_LINE, detail: 'silence codes on the next line' },
            { label: DISABLE, detail: 'silence codes in the rest of the file' },
        ].map(item => ({ ...item, kind: CompletionItemKind.Keyword, textEdit: { range, newText: `${item.label} ` } }));
        return { isIncomplete: false, items };
    }
    return { isIncomplete: false, items: [] };
}

/** Where `//` opens a comment in the text of a line before the cursor (not inside a string), or undefined. */
function lineCommentStart(line: string): number | undefined {
    let inString = false;
    for (let i = 0; i < line.length; i++) {
        const char = line[i];
        if (inString) {
            if (char === '\\') i++;
            else if (char === '"') inString = false;
        } else if (char === '"') {
            inString = true;
        } else if (char === '/' && line[i + 1] === '/') {
            return i;
        }
    }
    return undefined;
}
