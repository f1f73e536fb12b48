/**
 * Any text at all: seeded random edits of the bundled examples (insertions, deletions,
 * truncation, duplicated tokens, lone surrogates, CRLF, CR and mixed line endings) and giant
 * tokens (strings, comments and names of millions of characters) must never make parsing,
 * linking or validation throw, and every diagnostic range must lie inside its document.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import { ResponseError } from 'vscode-languageserver';
import { createElk } from '../../diagram/elk.js';
import { layoutGraph } from '../../diagram/layout.js';
import { renderDiagram } from '../../diagram/svg.js';
import { buildGraph } from '../../language/src/analysis/graph-builder.js';
import { workflowsOf } from '../../language/src/workspace/workspace-queries.js';
import type { WorkflowServices } from '../../language/src/workflow-module.js';
import { buildWorkspace } from '../../language/src/workspace/workflow-workspace.js';
import { seededRandom } from '../helpers.js';

const SNIPPETS = [
    '{',
    '}',
    ';',
    ',',
    '.',
    '->',
    '"',
    '"x"',
    'step',
    'decision',
    'end',
    'owner',
    'next',
    'via',
    'when',
    'otherwise',
    'team',
    'role',
    'person',
    'as',
    'system',
    'access',
    'workflow',
    'uses',
    'automated by',
    'calls',
    'duration',
    '0d',
    '3w',
    'escalate after 1d to',
    'sla',
    'trigger',
    '/*',
    '*/',
    '//',
    '\uD800',
    '\r\n',
    '\t',
    'Finance.',
    'Finance.Clerk',
    '99999999999999999999d',
];

function mutate(text: string, next: () => number): string {
    const at = Math.floor(next() * (text.length + 1));
    const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)];
    switch (Math.floor(next() * 7)) {
        case 0:
            return text.slice(0, at) + pick(SNIPPETS) + ' ' + text.slice(at);
        case 1:
            return text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 20));
        case 2:
            return text.slice(0, at);
        case 3: {
            const token = /\S+/.exec(text.slice(at))?.[0] ?? '';
            return text.slice(0, at) + token + ' ' + token + text.slice(at + token.length);
        }
        case 4:
            return text.replace(/\n/g, '\r\n');
        case 5:
            return text.replace(/\r?\n/g, () => pick(['\n', '\r\n', '\r']));
        default:
            return text.slice(0, at) + String.fromCharCode(Math.floor(next() * 0xffff)) + text.slice(at);
    }
}

/** Asks every editor service about a document at a random place; none may throw. */
async function exerciseServices(services: WorkflowServices, document: LangiumDocument, next: () => number): Promise<void> {
    const text = document.textDocument.getText();
    const textDocument = { uri: document.uri.toString() };
    const position = document.textDocument.positionAt(Math.floor(next() * (text.length + 1)));
    const lsp = services.lsp;
    await lsp.CompletionProvider!.getCompletion(document, { textDocument, position });
    await lsp.HoverProvider!.getHoverContent(document, { textDocument, position });
    await lsp.DefinitionProvider!.getDefinition(document, { textDocument, position });
    await lsp.ReferencesProvider!.findReferences(document, { textDocument, position, context: { includeDeclaration: true } });
    await lsp.DocumentHighlightProvider!.getDocumentHighlight(document, { textDocument, position });
    await lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument });
    await lsp.FoldingRangeProvider!.getFoldingRanges(document, { textDocument });
    await lsp.Formatter!.formatDocument(document, { textDocument, options: { tabSize: 2, insertSpaces: true } });
    await lsp.SemanticTokenProvider!.semanticHighlight(document, { textDocument });
    await lsp.CodeLensProvider!.provideCodeLens(document, { textDocument });
    const diagnostics = document.diagnostics ?? [];
    await lsp.CodeActionProvider!.getCodeActions(document, {
        textDocument,
        range: { start: position, end: position },
        context: { diagnostics },
    });
    try {
        await lsp.RenameProvider!.rename(document, { textDocument, position, newName: 'Renamed' });
    } catch (error) {
        if (!(error instanceof ResponseError)) throw error; // a refused name is an answer, not a crash
    }
    for (const workflow of workflowsOf(document)) {
        const graph = buildGraph(document, workflow);
        // ELK is the slow part: every tenth document also goes through layout and drawing.
        if (next() < 0.1) renderDiagram(graph, await layoutGraph(graph, elk, next() < 0.5 ? 'RIGHT' : 'DOWN'));
    }
}

function assertRangesInside(text: string, document: LangiumDocument, what: string): void {
    const lines = text.split(/\r\n|\r|\n/);
    for (const diagnostic of document.diagnostics ?? []) {
        const { start, end } = diagnostic.range;
        assert.ok(
            start.line >= 0 && end.line < lines.length && start.character >= 0 && end.character <= lines[end.line].length,
            `${what}: range ${JSON.stringify(diagnostic.range)} outside the text (${diagnostic.code})`,
        );
    }
}

const elk = createElk();

/** How many seeded documents; `FUZZ_SEEDS=10000 npm test` for a long run. */
const SEEDS = Number(process.env.FUZZ_SEEDS ?? 1000);

describe('robustness', () => {
    const corpus = ['examples', 'examples/problems'].flatMap(folder =>
        fs
            .readdirSync(folder)
            .filter(name => name.endsWith('.workflow'))
            .map(name => ({ name, text: fs.readFileSync(path.join(folder, name), 'utf8') })),
    );

    it('survives giant tokens: strings, comments and names of millions of characters, closed or not', async function () {
        this.timeout(300_000);
        const huge = 3_000_000;
        const giants = [
            `"${'x'.repeat(huge)}"`,
            `"${'x'.repeat(huge)}`,
            `"${'ab\\"'.repeat(huge / 4)}"`,
            `/*${'c'.repeat(huge)}*/`,
            `/*${'c'.repeat(huge)}`,
            `//${'c'.repeat(huge)}\n`,
            'N'.repeat(huge),
            `${'9'.repeat(huge)}d`,
        ];
        for (const [index, giant] of giants.entries()) {
            const base = corpus[index % corpus.length].text;
            for (const at of [base.indexOf('{') + 1, base.indexOf('owner') + 6, base.length]) {
                const text = `${base.slice(0, at)} ${giant} ${base.slice(at)}`;
                const { documents, services } = await buildWorkspace([{ uri: 'file:///w/giant.workflow', text }]);
                await exerciseServices(services, documents[0], seededRandom(index));
                assertRangesInside(text, documents[0], `giant ${index} at ${at}`);
                for (const diagnostic of documents[0].diagnostics ?? []) {
                    assert.ok(
                        String(diagnostic.message).length < 2000,
                        `giant ${index}: a message of ${String(diagnostic.message).length} characters`,
                    );
                }
            }
        }
    });

    it(`survives ${SEEDS} seeded edits of the examples, in validation and every editor service, without an exception or a range outside the text`, async function () {
        this.timeout(Math.max(120_000, SEEDS * 200));
        const errors: unknown[] = [];
        const originalError = console.error;
        console.error = (...args: unknown[]) => {
            errors.push(args.map(String).join(' '));
        };
        try {
            for (let seed = 1; seed <= SEEDS; seed++) {
                const next = seededRandom(seed);
                const base = corpus[seed % corpus.length];
                let text = base.text;
                const edits = 1 + Math.floor(next() * 5);
                for (let i = 0; i < edits; i++) {
                    text = mutate(text, next);
                }
                const others = corpus.filter(file => file !== base).map(file => ({ uri: `file:///w/${file.name}`, text: file.text }));
                const { documents, services } = await buildWorkspace([{ uri: `file:///w/mutated-${base.name}`, text }, ...others]);
                await exerciseServices(services, documents[0], next);
                assertRangesInside(text, documents[0], `seed ${seed}`);
                assert.deepEqual(errors, [], `seed ${seed} logged an error`);
            }
        } finally {
            console.error = originalError;
        }
    });
});
