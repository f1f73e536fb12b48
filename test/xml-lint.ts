/** Checks text with a real XML parser, libxml2's `xmllint`, which rejects what XML 1.0 does not allow. */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

export const XMLLINT = process.env.XMLLINT ?? '/usr/bin/xmllint';

/** Code points outside XML 1.0's `Char` production, lone surrogates included. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/**
 * Fails unless the text parses as XML. Lone surrogates are checked in the string itself: written
 * as UTF-8 they would already have become U+FFFD before any parser saw them.
 */
export function assertWellFormedXml(text: string, what = 'the document'): void {
    const bad = NOT_XML_CHAR.exec(text);
    assert.equal(
        bad,
        null,
        `${what} holds U+${bad?.[0].codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')} at ${bad?.index}, which XML does not allow`,
    );
    const result = spawnSync(XMLLINT, ['--noout', '-'], { input: text, encoding: 'utf8' });
    assert.equal(result.error, undefined, `${XMLLINT} could not run: ${result.error?.message}`);
    assert.equal(result.status, 0, `${what} is not well-formed XML:\n${result.stderr}`);
}

/**
 * Strings XML 1.0 cannot hold as they are, which a title may still contain: C0 controls (NUL, a
 * bell, the escape of a terminal colour code, a form feed), the non-characters U+FFFE and U+FFFF,
 * and UTF-16 surrogates without their partner.
 */
export const XML_INVALID_STRINGS: string[] = [
    'start \u0001 of heading',
    'red \u001B[31m alert',
    'null \u0000 byte',
    'form\u000Cfeed and bell\u0007',
    'not characters \uFFFE\uFFFF',
    'lone \uD800 high surrogate',
    'lone \uDC00 low surrogate',
    'pair kept: \uD83D\uDE80 rocket',
];
