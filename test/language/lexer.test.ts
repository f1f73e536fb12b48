/**
 * The lexer on giant tokens: strings, comments and names of millions of characters lex in
 * constant stack space (a regular expression with a repeated group overflowed V8's stack and
 * crashed the language server), and the string and comment matchers accept exactly what the
 * grammar's regular expressions describe.
 */
import * as assert from 'node:assert/strict';
import { EmptyFileSystem } from 'langium';
import { matchBlockComment, matchString } from '../../language/src/parser/workflow-token-builder.js';
import { createWorkflowServices } from '../../language/src/workflow-module.js';
import { seededRandom } from '../helpers.js';

const GRAMMAR_STRING = /"(\\.|[^"\\])*"/y;
const GRAMMAR_BLOCK_COMMENT = /\/\*[\s\S]*?\*\//y;

function regexMatch(regex: RegExp, text: string, offset: number): string | undefined {
    regex.lastIndex = offset;
    return regex.exec(text)?.[0];
}

describe('lexer', () => {
    const lexer = createWorkflowServices(EmptyFileSystem).Workflow.parser.Lexer;
    const MILLIONS = 6_000_000;

    it('lexes a title of millions of characters as one string', () => {
        const result = lexer.tokenize(`team T "${'x'.repeat(MILLIONS)}" { role R }`);
        assert.deepEqual(result.errors, []);
        assert.deepEqual(
            result.tokens.map(token => token.tokenType.name),
            ['team', 'ID', 'STRING', '{', 'role', 'ID', '}'],
        );
        assert.equal(result.tokens[2].image.length, MILLIONS + 2);
    });

    it('lexes a string of millions of escapes, and reports an unterminated one as an error', () => {
        assert.deepEqual(lexer.tokenize(`team T "${'\\"'.repeat(MILLIONS / 2)}" { }`).errors, []);
        const unterminated = lexer.tokenize(`team T "${'x'.repeat(MILLIONS)}\n{ }`);
        assert.ok(unterminated.errors.length > 0);
        // Chevrotain's recovery after an error tries every token at every offset: kept small here
        const unterminatedEscapes = lexer.tokenize(`team T "${'\\"'.repeat(100_000)}`);
        assert.equal(unterminatedEscapes.errors.length, 1);
    });

    it('lexes comments and names of millions of characters', () => {
        const text = `/*${'x'.repeat(MILLIONS)}*/\n//${'y'.repeat(MILLIONS)}\nteam ${'Z'.repeat(MILLIONS)} { }\n/*${'open '.repeat(MILLIONS / 5)}`;
        const result = lexer.tokenize(text);
        assert.deepEqual(result.tokens.map(token => token.tokenType.name).slice(0, 4), ['team', 'ID', '{', '}']);
        assert.deepEqual(
            result.hidden.map(token => token.image.length),
            [MILLIONS + 4, MILLIONS + 2],
        );
        assert.equal(result.tokens[1].image.length, MILLIONS);
        assert.ok(result.errors.length > 0, 'the unterminated comment at the end is an error');
    });

    it('matches strings and block comments exactly as the grammar describes them', () => {
        const alphabet = ['"', '\\', 'a', '\n', '\r', '\u2028', '*', '/', ' '];
        const next = seededRandom(7);
        for (let round = 0; round < 5000; round++) {
            let text = '';
            const length = Math.floor(next() * 14);
            for (let i = 0; i < length; i++) text += alphabet[Math.floor(next() * alphabet.length)];
            for (const [prefix, matcher, regex] of [
                ['"', matchString, GRAMMAR_STRING],
                ['/*', matchBlockComment, GRAMMAR_BLOCK_COMMENT],
            ] as const) {
                // every offset in order, as the lexer tries them after an error
                const input = `x${prefix}${text}`;
                for (let offset = 0; offset < input.length; offset++) {
                    assert.equal(matcher(input, offset)?.[0], regexMatch(regex, input, offset), `${JSON.stringify(input)} at ${offset}`);
                }
            }
        }
    });
});
