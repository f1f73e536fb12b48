/**
 * The names a file may declare and the names it mentions, read from its text without parsing it,
 * with regular expressions (they run as compiled code from the first call, which matters at
 * start-up, when a loop over the characters would still be interpreted). It lets a build pick
 * the files an opened file depends on before the rest of the workspace is parsed.
 *
 * Strings and comments are skipped as the grammar's terminals match them; an unterminated one is
 * read as ordinary text, since the lexer reports it and goes on lexing what follows. The answers
 * err on the side of too many names, never too few:
 * - a file mentions every identifier outside strings and comments (a reference can name only
 *   identifiers);
 * - a file declares the first identifier after each `team`, `system` or `workflow`, past
 *   comments, strings and at most one other stray token (punctuation, a number with its unit),
 *   and the identifier after that one too: the parser's error recovery may delete a token before
 *   a name (`team "T" Name {`, `system step Ops`);
 * - a file in which such a keyword is followed by anything else, or that has a character the
 *   lexer drops, is one the parser recovers from in ways a scan does not follow (it may take a
 *   later word as the name): it may declare every identifier it has.
 */

/** A string; its inner group repeats once per escape, so a long string backtracks little. */
const STRING = String.raw`"[^"\\]*(?:\\.[^"\\]*)*"`;
/** A line or block comment; the block's body cannot run past its first `*` `/`, even when a look ahead backtracks. */
const COMMENT = String.raw`\/\/[^\n\r]*|\/\*[^*]*\*+(?:[^/*][^*]*\*+)*\/`;
/** A string or a comment. */
const SKIPPED = new RegExp(`${STRING}|${COMMENT}`, 'g');
const GAP = String.raw`(?:\s|${COMMENT})*`;
/** Strings between the keyword and the name: the parser may delete them as it deletes a stray token. */
const STRINGS = `(?:${STRING}${GAP})*`;
/**
 * A token the parser may delete before a name: punctuation, a duration or likelihood, digits the
 * lexer drops. Not a quote: strings are `STRINGS`, and an unterminated one makes the file one
 * whose every word counts (`DROPPED`). Each part of the look ahead below starts with characters
 * no other part starts with, so a failing look ahead costs time linear in what it read, however
 * hostile the text.
 */
const STRAY = String.raw`(?:[^\sA-Za-z0-9_/"]+|\/(?![/*])|[0-9]+[mhdw%]?)`;
/**
 * A character no token starts with (the lexer drops it and goes on), where strings and comments
 * do not match: an unterminated string's quote, an unclosed comment's slash, a stray `-`, `>`, `%`
 * or any other sign the grammar has no use for.
 */
const DROPPED = String.raw`["/]|-(?!>)|(?<!-)>|(?<![0-9])%|[^\sA-Za-z0-9_",.;{}\->%/]`;
const IDENTIFIER = '[A-Za-z_][A-Za-z0-9_]*';
/**
 * A string, a comment, a declaration keyword or a dropped character. After the keyword, a look
 * ahead: the name in group 1 and the word after it in group 2 (past digits the lexer drops), or,
 * when no name follows as described above, an empty group 3; a dropped character is an empty
 * group 4. The look ahead consumes nothing, so a keyword in the place of a name
 * (`team team Name`) is scanned as a keyword again. Strings and comments are matched as a whole
 * where they start, so the keyword is never found inside one, and no copy of the text without
 * them is made: at start-up this runs over every file of the workspace while its code is still
 * cold (half the time of blanking the text first and scanning the copy).
 */
const DECLARATIONS = new RegExp(
    String.raw`${STRING}|${COMMENT}|\b(?:team|system|workflow)\b(?:(?=${GAP}${STRINGS}(?:${STRAY}${GAP}${STRINGS})?(${IDENTIFIER})(?:${GAP}${STRINGS}(?:[0-9]+%?(?![0-9%])${GAP})*(${IDENTIFIER}))?)|()(?=))|()(?:${DROPPED})`,
    'g',
);
const IDENTIFIERS = new RegExp(IDENTIFIER, 'g');

/**
 * The text with each string and comment replaced by a space (so the tokens either side stay
 * apart): what `mentionedNames` reads.
 */
export function codeOf(text: string): string {
    return text.replace(SKIPPED, ' ');
}

/** The names the text may declare at the top level. */
export function declaredNames(text: string): Set<string> {
    const names = new Set<string>();
    for (const match of text.matchAll(DECLARATIONS)) {
        if (match[3] !== undefined || match[4] !== undefined) return mentionedNames(codeOf(text));
        if (match[1] !== undefined) names.add(match[1]);
        if (match[2] !== undefined) names.add(match[2]);
    }
    return names;
}

/** Every identifier of the code (`codeOf`). */
export function mentionedNames(code: string): Set<string> {
    return new Set(code.match(IDENTIFIERS));
}

/**
 * Whether the text has any of the names as an identifier outside strings and comments. The whole
 * text is searched first, so that only a text with the name somewhere is blanked and searched again.
 */
export function mentionsAny(text: string, names: Iterable<string>): boolean {
    const alternatives = [...names];
    if (alternatives.length === 0) return false;
    const words = new RegExp(String.raw`\b(?:${alternatives.join('|')})\b`);
    return words.test(text) && words.test(codeOf(text));
}
