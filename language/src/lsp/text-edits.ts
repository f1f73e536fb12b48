/**
 * Text edits that keep the canonical layout: inserting a clause into a block (one-line or
 * multi-line), appending a declaration to a file, removing a declaration with its line.
 */
import type { AstNode, LangiumDocument } from 'langium';
import { GrammarUtils } from 'langium';
import type { TextEdit } from 'vscode-languageserver';

/** Inserts `clause` as the first or last item of the block (`{ … }`) of a declaration. */
export function insertClause(document: LangiumDocument, block: AstNode, clause: string, where: 'first' | 'last'): TextEdit | undefined {
    const open = GrammarUtils.findNodeForKeyword(block.$cstNode, '{');
    const close = GrammarUtils.findNodeForKeyword(block.$cstNode, '}');
    if (!open || !close || !block.$cstNode) {
        return undefined;
    }
    const text = document.textDocument.getText();
    const at = (offset: number) => document.textDocument.positionAt(offset);
    const inside = text.slice(open.end, close.offset);
    if (open.range.start.line === close.range.start.line) {
        if (inside.trim().length === 0) {
            return { range: { start: at(open.end), end: at(close.offset) }, newText: ` ${clause} ` };
        }
        if (where === 'first') {
            return { range: { start: at(open.end), end: at(open.end) }, newText: ` ${clause};` };
        }
        const lastContent = open.end + inside.trimEnd().length;
        return { range: { start: at(lastContent), end: at(lastContent) }, newText: `; ${clause}` };
    }
    const indent = `${lineIndent(text, block.$cstNode.offset)}  `;
    if (where === 'first') {
        return { range: { start: at(open.end), end: at(open.end) }, newText: `\n${indent}${clause}` };
    }
    const closeLineStart = text.lastIndexOf('\n', close.offset - 1) + 1;
    if (text.slice(closeLineStart, close.offset).trim().length === 0) {
        return { range: { start: at(closeLineStart), end: at(closeLineStart) }, newText: `${indent}${clause}\n` };
    }
    return {
        range: { start: at(close.offset), end: at(close.offset) },
        newText: `\n${indent}${clause}\n${lineIndent(text, close.offset)}`,
    };
}

/** Appends a top-level declaration at the end of a document, after one blank line. */
export function appendDeclaration(document: LangiumDocument, declaration: string): TextEdit {
    const text = document.textDocument.getText();
    const end = document.textDocument.positionAt(text.length);
    const separator = text.length === 0 ? '' : text.endsWith('\n\n') ? '' : text.endsWith('\n') ? '\n' : '\n\n';
    return { range: { start: end, end }, newText: `${separator}${declaration}\n` };
}

/** Removes a declaration: its whole lines when it stands alone on them, else its text and a following `;`. */
export function removeNode(document: LangiumDocument, node: AstNode): TextEdit | undefined {
    const cst = node.$cstNode;
    if (!cst) return undefined;
    const text = document.textDocument.getText();
    const lineStart = text.lastIndexOf('\n', cst.offset - 1) + 1;
    let lineEnd = text.indexOf('\n', cst.end);
    if (lineEnd < 0) lineEnd = text.length;
    const before = text.slice(lineStart, cst.offset);
    const after = text.slice(cst.end, lineEnd);
    const at = (offset: number) => document.textDocument.positionAt(offset);
    if (before.trim() === '' && /^\s*;?\s*(\/\/.*)?$/.test(after)) {
        return { range: { start: at(lineStart), end: at(Math.min(text.length, lineEnd + 1)) }, newText: '' };
    }
    const trailing = /^\s*;?\s*/.exec(after)![0];
    return { range: { start: at(cst.offset), end: at(cst.end + trailing.length) }, newText: '' };
}

function lineIndent(text: string, offset: number): string {
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    return /^[ \t]*/.exec(text.slice(lineStart))![0];
}
