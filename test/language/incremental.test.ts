/**
 * Incremental re-parsing: after every edit of a long series (most of them inside one node, so
 * only that node is re-parsed), the live document must equal a fresh parse of its text — every
 * token at the right offset, line and column, the same AST, the same diagnostics.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { LangiumDocument } from 'langium';
import { CstUtils, URI } from 'langium';
import { setTextDocument } from 'langium/test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TestWorkspace } from '../helpers.js';
import { astShape, loadWorkspace, seededRandom } from '../helpers.js';

/** The AST as plain data, without links, plus the position of every token. */
function snapshot(document: LangiumDocument): { ast: unknown; tokens: string[] } {
    const root = document.parseResult.value.$cstNode!;
    const tokens = CstUtils.flattenCst(root)
        .map(leaf => `${leaf.offset}+${leaf.length} ${JSON.stringify(leaf.range)} ${leaf.text}`)
        .toArray();
    return { ast: astShape(document.parseResult.value), tokens };
}

function diagnostics(document: LangiumDocument): string[] {
    return (document.diagnostics ?? []).map(d => `${JSON.stringify(d.range)} ${d.code} ${d.message}`).sort();
}

const EDITS: Array<(text: string, next: () => number) => string> = [
    // a letter typed into a title
    (text, next) => {
        const at = nthIndex(text, '"', next) + 1;
        return text.slice(0, at) + 'x' + text.slice(at);
    },
    // a letter deleted from a title
    (text, next) => {
        const at = nthIndex(text, '"', next) + 1;
        return text[at] === '"' ? text : text.slice(0, at) + text.slice(at + 1);
    },
    // a clause added on its own line inside a step
    (text, next) => {
        const at = nthIndex(text, '    next ', next);
        return at < 0 ? text : text.slice(0, at) + '    duration 3h\n' + text.slice(at);
    },
    // a duration changed, which moves the critical path
    (text, next) => {
        const at = nthIndex(text, 'duration ', next) + 'duration '.length;
        return text.slice(0, at) + String(1 + Math.floor(next() * 9)) + text.slice(at);
    },
    // a line break inside a clause
    (text, next) => {
        const at = nthIndex(text, ' via ', next);
        return at < 0 ? text : text.slice(0, at) + '\n     ' + text.slice(at);
    },
    // a target renamed to a node that does not exist (and back, later)
    (text, next) => {
        const at = nthIndex(text, 'next ', next) + 'next '.length;
        return text.slice(0, at) + 'Z' + text.slice(at);
    },
    // a syntax error typed, and a whole-file parse
    (text, next) => {
        const at = nthIndex(text, '{', next) + 1;
        return text.slice(0, at) + ' } ' + text.slice(at);
    },
];

function nthIndex(text: string, needle: string, next: () => number): number {
    const positions: number[] = [];
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) positions.push(at);
    return positions.length === 0 ? -1 : positions[Math.floor(next() * positions.length)];
}

describe('incremental parsing', function () {
    this.timeout(120_000);

    it('matches a fresh parse after each of 150 seeded edits', async () => {
        const others = Object.fromEntries(
            ['organization', 'systems', 'records-retention'].map(name => [
                `${name}.workflow`,
                fs.readFileSync(`examples/${name}.workflow`, 'utf8'),
            ]),
        );
        let text = fs.readFileSync('examples/purchase-to-pay.workflow', 'utf8');
        const live: TestWorkspace = await loadWorkspace({ 'flow.workflow': text, ...others });
        const uri = live.files['flow.workflow'].uri;
        const next = seededRandom(42);
        for (let step = 1; step <= 150; step++) {
            // Mostly edits inside one node; every so often a syntax error, later repaired by the next edits' reset.
            const edit = EDITS[Math.floor(next() * (step % 10 === 0 ? EDITS.length : EDITS.length - 1))];
            let changed = edit(text, next);
            if (step % 10 === 1) changed = fs.readFileSync('examples/purchase-to-pay.workflow', 'utf8');
            text = changed;
            setTextDocument(live.services, TextDocument.create(uri, 'workflow', step + 1, text));
            await live.services.shared.workspace.DocumentBuilder.update([URI.parse(uri)], []);
            const document = live.services.shared.workspace.LangiumDocuments.getDocument(URI.parse(uri))!;

            const fresh = await loadWorkspace({ 'flow.workflow': text, ...others }, { allowSyntaxErrors: true });
            const expected = fresh.files['flow.workflow'].document;
            const [a, b] = [snapshot(document), snapshot(expected)];
            assert.deepEqual(a.tokens, b.tokens, `tokens after edit ${step}`);
            assert.deepEqual(a.ast, b.ast, `AST after edit ${step}`);
            assert.deepEqual(diagnostics(document), diagnostics(expected), `diagnostics after edit ${step}`);
            for (const leaf of CstUtils.flattenCst(document.parseResult.value.$cstNode!)) {
                assert.deepEqual(
                    leaf.range.start,
                    document.textDocument.positionAt(leaf.offset),
                    `token '${leaf.text}' after edit ${step}`,
                );
            }
        }
    });
});
