/**
 * Token matchers that take constant stack space, whatever the length of the token.
 *
 * V8's regular expressions keep one backtracking frame per repetition of a group, so a
 * repeated group such as `(\\.|[^"\\])*` overflows the stack on a string of a few million
 * characters, and the whole lexer throws `RangeError` (a crash of the language server).
 * Strings and block comments are therefore matched by plain loops; names, durations, line
 * comments and whitespace are single character classes, which V8 runs without frames (the fuzz
 * tier lexes each of them at ten million characters).
 *
 * The matchers accept exactly what the grammar's regular expressions describe
 * (`language/src/workflow.langium`), which stay the definition for tools that read the grammar.
 */
import type { TokenType } from 'chevrotain';
import type { GrammarAST } from 'langium';
import { DefaultTokenBuilder } from 'langium';

/** A match in the shape Chevrotain expects from a custom pattern: the matched text at index 0. */
type Match = [string];

/** A line terminator as JavaScript's `.` understands it: `.` does not match these. */
function isLineTerminator(code: number): boolean {
    return code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029;
}

/**
 * Where the last failed scan started and where it failed, in which text. After an unterminated
 * string, the lexer skips ahead and tries again at every later `"`; each of those lies inside the
 * failed scan as the second character of an escape, so it would fail at the same place. Knowing
 * that keeps lexing linear instead of quadratic in the number of quotes.
 */
let failedString: { text: string; start: number; end: number } | undefined;

/**
 * `"(\\.|[^"\\])*"`: a double-quoted string where a backslash escapes the next character
 * (any but a line break). Unterminated strings do not match, so the lexer reports them.
 */
export function matchString(text: string, offset: number): Match | null {
    if (text.charCodeAt(offset) !== 0x22) {
        return null;
    }
    if (failedString && offset > failedString.start && offset < failedString.end && failedString.text === text) {
        return null;
    }
    let i = offset + 1;
    const length = text.length;
    while (i < length) {
        const code = text.charCodeAt(i);
        if (code === 0x22) {
            return [text.substring(offset, i + 1)];
        }
        if (code === 0x5c) {
            if (i + 1 >= length || isLineTerminator(text.charCodeAt(i + 1))) {
                break;
            }
            i += 2;
        } else {
            i += 1;
        }
    }
    failedString = { text, start: offset, end: i };
    return null;
}

/** Like `failedString`: after a `/*` without an end, no later `/*` of the same text has one. */
let unclosedComment: { text: string; start: number } | undefined;

/** `\/\*[\s\S]*?\*\/`: a block comment, up to the first `*` `/`. */
export function matchBlockComment(text: string, offset: number): Match | null {
    if (text.charCodeAt(offset) !== 0x2f || text.charCodeAt(offset + 1) !== 0x2a) {
        return null;
    }
    if (unclosedComment && offset > unclosedComment.start && unclosedComment.text === text) {
        return null;
    }
    const close = text.indexOf('*/', offset + 2);
    if (close < 0) {
        unclosedComment = { text, start: offset };
        return null;
    }
    return [text.substring(offset, close + 2)];
}

const MATCHERS: Record<string, { match: (text: string, offset: number) => Match | null; startChar: string }> = {
    STRING: { match: matchString, startChar: '"' },
    ML_COMMENT: { match: matchBlockComment, startChar: '/' },
};

export class WorkflowTokenBuilder extends DefaultTokenBuilder {
    protected override buildTerminalToken(terminal: GrammarAST.TerminalRule): TokenType {
        const token = super.buildTerminalToken(terminal);
        const matcher = MATCHERS[terminal.name];
        if (matcher) {
            token.PATTERN = { exec: matcher.match };
            token.LINE_BREAKS = true;
            token.START_CHARS_HINT = [matcher.startChar];
        }
        return token;
    }
}
