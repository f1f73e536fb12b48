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
 *   comments and at most one stray token (a string, punctuation, a number with its unit): the
 *   parser's error recovery may delete one token before a name (`team "T" Name {`), but takes a
 *   name from nowhere else.
 */

/** A string (its inner group repeats once per escape, so a long string backtracks little) or a comment. */
const SKIPPED = /"[^"\\]*(?:\\.[^"\\]*)*"|\/\/[^\n\r]*|\/\*[\s\S]*?\*\//g;
const GAP = String.raw`(?:\s|\/\/[^\n\r]*|\/\*[\s\S]*?\*\/)*`;
const STRAY = String.raw`(?:[^\sA-Za-z0-9_/]+|\/(?![/*])|[0-9]+[A-Za-z0-9_]*)`;
const IDENTIFIER = '[A-Za-z_][A-Za-z0-9_]*';
/** Past the keyword, comments are gone from the code but for unterminated ones: `GAP` skips those too. */
const DECLARATIONS = new RegExp(String.raw`\b(?:team|system|workflow)\b${GAP}(?:${STRAY}${GAP})?(${IDENTIFIER})`, 'g');
const IDENTIFIERS = new RegExp(IDENTIFIER, 'g');

/**
 * The text with each string and comment replaced by a space (so the tokens either side stay
 * apart): what the other functions read. A removed string leaves a space where it stood, so
 * `team "T" Name` reads as `team   Name`.
 */
export function codeOf(text: string): string {
    return text.replace(SKIPPED, ' ');
}

/** The names the code may declare at the top level. */
export function declaredNames(code: string): Set<string> {
    const names = new Set<string>();
    for (const match of code.matchAll(DECLARATIONS)) names.add(match[1]);
    return names;
}

/** Every identifier of the code. */
export function mentionedNames(code: string): Set<string> {
    return new Set(code.match(IDENTIFIERS));
}

/** Whether the code has any of the names as an identifier. */
export function mentionsAny(code: string, names: Iterable<string>): boolean {
    const alternatives = [...names];
    return alternatives.length > 0 && new RegExp(String.raw`\b(?:${alternatives.join('|')})\b`).test(code);
}
