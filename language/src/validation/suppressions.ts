/**
 * Suppression comments in a `.workflow` file:
 *   `// workflow-disable-next-line CODE[, CODE]`  silences those codes on the next line;
 *   `// workflow-disable CODE[, CODE]`            silences them for the rest of the file.
 * Text after ` -- ` is a reason and is not read. A code of a suppression that silenced nothing
 * (or that is no code, or is `syntax-error`, which cannot be silenced) is reported as
 * `unused-suppression`, at the code in the comment.
 */
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { DiagnosticTag } from 'vscode-languageserver-types';
import { describeCode } from './code-catalogue.js';
import { IssueCodes } from './issue-codes.js';

export const DISABLE_NEXT_LINE = 'workflow-disable-next-line';
export const DISABLE = 'workflow-disable';

export interface SuppressedCode {
    readonly code: string;
    readonly range: Range;
}

export interface Suppression {
    readonly kind: 'next-line' | 'file';
    /** The line of the comment (0-based). */
    readonly line: number;
    /** The whole comment, from `//` to the end of the line. */
    readonly range: Range;
    readonly codes: readonly SuppressedCode[];
}

/** What `unused-suppression` carries for its quick fix: the comment, and the code to take out of it. */
export interface UnusedSuppressionData {
    readonly code: typeof IssueCodes.UnusedSuppression;
    readonly comment: Range;
    readonly codes: number;
}

const DIRECTIVE = /^\/\/[ \t]*(workflow-disable-next-line|workflow-disable)(?=[ \t]|$)/;

/** The suppression comments of a text, in order. Strings and block comments are skipped, so `"// workflow-disable x"` is no comment. */
export function findSuppressions(text: string): Suppression[] {
    if (!text.includes(DISABLE)) return [];
    const result: Suppression[] = [];
    let line = 0;
    let lineStart = 0;
    for (let i = 0; i < text.length; i++) {
        const char = text[i];
        if (isLineBreak(text, i)) {
            line++;
            lineStart = i + 1;
        } else if (char === '"') {
            i = skipString(text, i);
        } else if (char === '/' && text[i + 1] === '*') {
            const end = text.indexOf('*/', i + 2);
            const stop = end < 0 ? text.length : end + 2;
            for (let j = i; j < stop; j++) {
                if (isLineBreak(text, j)) {
                    line++;
                    lineStart = j + 1;
                }
            }
            i = stop - 1;
        } else if (char === '/' && text[i + 1] === '/') {
            let end = i;
            while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
            const suppression = readComment(text.slice(i, end), line, i - lineStart);
            if (suppression) result.push(suppression);
            i = end - 1;
        }
    }
    return result;
}

/** The end of a string that starts at `start`: its closing quote, or the character before the end of its line (strings do not span lines). */
function skipString(text: string, start: number): number {
    for (let i = start + 1; i < text.length; i++) {
        if (text[i] === '\n' || text[i] === '\r') return i - 1;
        if (text[i] === '"') return i;
        if (text[i] === '\\' && text[i + 1] !== '\n' && text[i + 1] !== '\r') i++;
    }
    return text.length;
}

/** A line ends at `\n`, at `\r\n` (counted at its `\n`) or at a `\r` alone, as editors count lines. */
function isLineBreak(text: string, i: number): boolean {
    return text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n');
}

function readComment(comment: string, line: number, column: number): Suppression | undefined {
    const match = DIRECTIVE.exec(comment);
    if (!match) return undefined;
    const kind = match[1] === DISABLE_NEXT_LINE ? 'next-line' : 'file';
    const reason = comment.indexOf(' --', match[0].length);
    const list = comment.slice(match[0].length, reason < 0 ? comment.length : reason);
    const codes: SuppressedCode[] = [];
    const word = /[^\s,]+/g;
    for (let found = word.exec(list); found; found = word.exec(list)) {
        const character = column + match[0].length + found.index;
        codes.push({
            code: found[0],
            range: { start: { line, character }, end: { line, character: character + found[0].length } },
        });
    }
    const range = { start: { line, character: column }, end: { line, character: column + comment.length } };
    return { kind, line, range, codes };
}

/**
 * Drops the diagnostics that a suppression silences and adds `unused-suppression` for each code
 * that silenced nothing, at the severity `severity` gives it (`off`: not reported).
 */
export function applySuppressions(
    text: string,
    diagnostics: Diagnostic[],
    severity: (code: string) => Diagnostic['severity'] | 'off',
): Diagnostic[] {
    const suppressions = findSuppressions(text);
    if (suppressions.length === 0) return diagnostics;
    const used = new Set<SuppressedCode>();
    const kept = diagnostics.filter(diagnostic => {
        const code = String(diagnostic.code ?? '');
        if (code === IssueCodes.SyntaxError) return true;
        const line = diagnostic.range.start.line;
        let silenced = false;
        for (const suppression of suppressions) {
            const applies = suppression.kind === 'next-line' ? line === suppression.line + 1 : line > suppression.line;
            if (!applies) continue;
            for (const entry of suppression.codes) {
                if (entry.code === code) {
                    used.add(entry);
                    silenced = true;
                }
            }
        }
        return !silenced;
    });
    const unusedSeverity = severity(IssueCodes.UnusedSuppression);
    if (unusedSeverity === 'off') return kept;
    for (const suppression of suppressions) {
        for (const entry of suppression.codes) {
            if (used.has(entry)) continue;
            const data: UnusedSuppressionData = {
                code: IssueCodes.UnusedSuppression,
                comment: suppression.range,
                codes: suppression.codes.length,
            };
            kept.push({
                range: entry.range,
                severity: unusedSeverity,
                code: IssueCodes.UnusedSuppression,
                source: 'workflow',
                tags: [DiagnosticTag.Unnecessary],
                message: unusedMessage(suppression, entry.code),
                data,
            });
        }
    }
    return kept;
}

function unusedMessage(suppression: Suppression, code: string): string {
    if (code === IssueCodes.SyntaxError) return `'${code}' cannot be silenced: fix the text instead.`;
    if (!describeCode(code)) return `'${code}' is not a diagnostic code, so this suppression silences nothing.`;
    const where = suppression.kind === 'next-line' ? 'on the next line' : 'in the rest of the file';
    return `Unused suppression: there is no '${code}' ${where}.`;
}
