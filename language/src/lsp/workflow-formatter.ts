/**
 * Formatting: one canonical layout, printed from the document's tokens.
 *
 * - 2-space indentation; each clause, member and node of a multi-line block on its own line;
 * - a block written on one line stays on one line while it fits in 100 columns, its clauses
 *   separated by `; ` (`step Pay { owner Finance.Clerk; next Done }`);
 * - single spaces inside a clause, none around `.`, none before `,` and `;`;
 * - at most one blank line kept between items; comments kept where they were (a trailing
 *   comment stays at the end of its line; a line comment forces its block onto several lines).
 *
 * Printing from tokens is what makes the guarantees easy to keep: the sequence of tokens, and so
 * the AST and every comment, is unchanged apart from `;` separators, which the layout supplies
 * itself. A document with syntax errors is left alone, because its structure is not known.
 */
import type { LangiumDocument } from 'langium';
import type { Formatter } from 'langium/lsp';
import type { LangiumServices } from 'langium/lsp';
import type {
    DocumentFormattingParams,
    DocumentOnTypeFormattingOptions,
    DocumentRangeFormattingParams,
    TextEdit,
} from 'vscode-languageserver';
import type { LangiumParser, Lexer } from 'langium';

export const MAX_WIDTH = 100;
const INDENT = '  ';

/** Keywords that begin a declaration, a clause or a branch: one item of a block. */
const ITEM_STARTS = new Set([
    'team',
    'system',
    'workflow',
    'role',
    'person',
    'owner',
    'access',
    'trigger',
    'sla',
    'step',
    'decision',
    'end',
    'uses',
    'automated',
    'calls',
    'duration',
    'escalate',
    'next',
    'when',
    'otherwise',
]);

interface Token {
    readonly image: string;
    readonly kind: string;
    readonly offset: number;
    readonly line: number;
    readonly endLine: number;
    /** For `{`: the index of the matching `}`. */
    close?: number;
}

export class WorkflowFormatter implements Formatter {
    private readonly lexer: Lexer;
    private readonly parser: LangiumParser;

    constructor(services: LangiumServices) {
        this.lexer = services.parser.Lexer;
        this.parser = services.parser.LangiumParser;
    }

    formatDocument(document: LangiumDocument, _params: DocumentFormattingParams): TextEdit[] {
        return this.edits(document);
    }

    /** Formats the whole document and returns the change when it touches the requested range. */
    formatDocumentRange(document: LangiumDocument, params: DocumentRangeFormattingParams): TextEdit[] {
        return this.edits(document).filter(
            edit => edit.range.start.line <= params.range.end.line && edit.range.end.line >= params.range.start.line,
        );
    }

    formatDocumentOnType(): TextEdit[] {
        return [];
    }

    get formatOnTypeOptions(): DocumentOnTypeFormattingOptions | undefined {
        return undefined;
    }

    /** The formatted text of a document, or `undefined` when it has syntax errors. */
    format(text: string): string | undefined {
        const parsed = this.parser.parse(text);
        const lexed = this.lexer.tokenize(text);
        if (lexed.errors.length > 0 || parsed.lexerErrors.length > 0 || parsed.parserErrors.length > 0) {
            return undefined;
        }
        const tokens: Token[] = [...lexed.tokens, ...lexed.hidden]
            .sort((a, b) => a.startOffset - b.startOffset)
            .map(token => ({
                // Trailing blanks inside a line comment are the only whitespace a token carries at a line end.
                image: token.tokenType.name === 'SL_COMMENT' ? token.image.trimEnd() : token.image,
                kind: token.tokenType.name,
                offset: token.startOffset,
                line: token.startLine ?? 0,
                endLine: token.endLine ?? token.startLine ?? 0,
            }));
        if (!matchBraces(tokens)) {
            return undefined;
        }
        const newline = dominantLineEnding(text);
        const printer = new Printer(tokens);
        const lines = printer.printItems(0, tokens.length, 0);
        return lines.length === 0 ? '' : lines.join(newline) + newline;
    }

    private edits(document: LangiumDocument): TextEdit[] {
        const text = document.textDocument.getText();
        const formatted = this.format(text);
        if (formatted === undefined || formatted === text) {
            return [];
        }
        // One edit covering only what changed, so the cursor and folds elsewhere stay put.
        let start = 0;
        while (start < text.length && start < formatted.length && text[start] === formatted[start]) start++;
        let end = 0;
        while (
            end < text.length - start &&
            end < formatted.length - start &&
            text[text.length - 1 - end] === formatted[formatted.length - 1 - end]
        )
            end++;
        return [
            {
                range: { start: document.textDocument.positionAt(start), end: document.textDocument.positionAt(text.length - end) },
                newText: formatted.slice(start, formatted.length - end),
            },
        ];
    }
}

function matchBraces(tokens: Token[]): boolean {
    const open: number[] = [];
    tokens.forEach((token, index) => {
        if (token.kind === '{') open.push(index);
        else if (token.kind === '}') {
            const start = open.pop();
            if (start !== undefined) tokens[start].close = index;
        }
    });
    return open.length === 0 && tokens.every(token => token.kind !== '{' || token.close !== undefined);
}

const isComment = (token: Token) => token.kind === 'SL_COMMENT' || token.kind === 'ML_COMMENT';

class Printer {
    constructor(private readonly tokens: Token[]) {}

    /**
     * Prints the items between two token indexes as lines at a depth: one item (or comment) per
     * line, a blank line kept where the source had one or more.
     */
    printItems(from: number, to: number, depth: number): string[] {
        const lines: string[] = [];
        let current = '';
        /** Whether `current` holds only a block comment that opens the line. */
        let leadingComment = false;
        let previous: Token | undefined;
        const indent = INDENT.repeat(depth);
        const flush = () => {
            if (current.length > 0) lines.push(indent + current);
            current = '';
            leadingComment = false;
        };
        for (let i = from; i < to; i++) {
            const token = this.tokens[i];
            if (token.kind === ';') {
                previous = token;
                continue;
            }
            const trailing = previous !== undefined && token.line === previous.endLine;
            if (leadingComment && trailing) {
                leadingComment = false;
                current += ` ${token.image}`;
                if (token.kind === 'SL_COMMENT') flush();
            } else if (isComment(token) && trailing && current.length > 0) {
                current += ` ${token.image}`;
                if (token.kind === 'SL_COMMENT') flush();
            } else if (isComment(token) || ITEM_STARTS.has(token.kind)) {
                flush();
                if (previous !== undefined && token.line - previous.endLine > 1 && lines.length > 0) lines.push('');
                current = token.image;
                leadingComment = token.kind === 'ML_COMMENT';
                if (token.kind === 'SL_COMMENT') flush();
            } else if (token.kind === '{') {
                const close = token.close!;
                const inline = this.inlineBlock(i, depth, indent.length + current.length);
                if (inline !== undefined) {
                    current += ` ${inline}`;
                } else {
                    current += ' {';
                    // A comment right after `{` stays on that line.
                    let first = i + 1;
                    while (first < close && isComment(this.tokens[first]) && this.tokens[first].line === token.line) {
                        current += ` ${this.tokens[first++].image}`;
                    }
                    flush();
                    lines.push(...this.printItems(first, close, depth + 1));
                    current = '}';
                }
                previous = this.tokens[close];
                i = close;
                continue;
            } else {
                current = join(current, token, previous);
            }
            previous = token;
        }
        flush();
        return lines;
    }

    /** The block as `{ a; b }` when it was written on one line, holds no line comment and fits; else `undefined`. */
    private inlineBlock(open: number, depth: number, column: number): string | undefined {
        const close = this.tokens[open].close!;
        if (this.tokens[open].line !== this.tokens[close].line) {
            return undefined;
        }
        const items: string[] = [];
        let current = '';
        let previous: Token | undefined;
        for (let i = open + 1; i < close; i++) {
            const token = this.tokens[i];
            if (token.kind === 'SL_COMMENT') return undefined;
            if (token.kind === ';') {
                previous = token;
                continue;
            }
            if (ITEM_STARTS.has(token.kind) && current.length > 0) {
                items.push(current);
                current = '';
            }
            if (token.kind === '{') {
                const nested = this.inlineBlock(i, depth + 1, 0);
                if (nested === undefined) return undefined;
                current += ` ${nested}`;
                previous = this.tokens[token.close!];
                i = token.close!;
                continue;
            }
            current = join(current, token, previous);
            previous = token;
        }
        if (current.length > 0) items.push(current);
        const text = items.length === 0 ? '{}' : `{ ${items.join('; ')} }`;
        return column + 1 + text.length <= MAX_WIDTH ? text : undefined;
    }
}

/** Appends a token to a clause with the spacing rules of the layout. */
function join(current: string, token: Token, previous: Token | undefined): string {
    if (current.length === 0) return token.image;
    const tight = token.kind === ',' || token.kind === '.' || previous?.kind === '.' || token.kind === '..' || previous?.kind === '..';
    return tight ? current + token.image : `${current} ${token.image}`;
}

/**
 * The line ending most lines of the text end with (`\n` on a tie or without any): the formatter
 * writes that one between lines, so one CRLF inside a string does not turn a file's LFs into CRLFs.
 */
export function dominantLineEnding(text: string): '\n' | '\r\n' | '\r' {
    let lf = 0;
    let crlf = 0;
    let cr = 0;
    for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code === 0x0a) {
            lf++;
        } else if (code === 0x0d) {
            if (text.charCodeAt(i + 1) === 0x0a) {
                crlf++;
                i++;
            } else {
                cr++;
            }
        }
    }
    if (crlf > lf && crlf >= cr) return '\r\n';
    if (cr > lf && cr > crlf) return '\r';
    return '\n';
}
