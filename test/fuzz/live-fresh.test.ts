/**
 * Live ≡ fresh, at the protocol level: a seeded sequence of edits across a workspace of five
 * files, sent to one server as `didChange`s, leaves it publishing the diagnostics, and answering
 * the hovers and symbols, that a server started on the final files publishes and answers.
 * Edits add, remove and rename nodes and declarations too, and type inside one node (a letter, a
 * stray word that breaks the syntax there and is removed again), which the server re-parses,
 * relinks and revalidates for that node alone. Every other sequence has only three
 * of the files open (the organization and the systems stay closed, on disk): builds then take
 * the open documents first and the rest after them.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
    DidChangeTextDocumentNotification,
    DidOpenTextDocumentNotification,
    DocumentSymbolRequest,
    HoverRequest,
} from 'vscode-languageserver-protocol';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { MatrixRequest } from '../../protocol/lsp-methods.js';
import { TestLspClient } from '../protocol/lsp-client.js';
import { seededRandom } from '../helpers.js';

const FILES: Record<string, string> = {
    'org.workflow': 'team Legal { role Counsel; person ann as Counsel }\nteam Ops { role Agent }\n',
    'systems.workflow': 'system Mail { owner Ops.Agent }\nsystem Vault { owner Legal.Counsel; access Legal }\n',
    'intake.workflow':
        'workflow Intake {\n  owner Ops.Agent\n  sla 1d\n  step Log { owner Ops.Agent; uses Mail; duration 2h; next Review via Mail }\n  step Review { owner Legal.Counsel; duration 1d; next Done }\n  end Done\n}\n',
    'archive.workflow': 'workflow Archive {\n  owner Legal\n  step Store { owner Legal.ann; uses Vault; next Stored }\n  end Stored\n}\n',
    'extra.workflow': 'team Spare { }\n',
};

const SNIPPETS = [
    'team Legal { }\n',
    'team Ops { role Agent }\n',
    'system Mail { owner Ops.Agent }\n',
    '// note\n',
    '\n',
    'x',
    ' ',
    'Legal',
    'Ops.Agent',
    'Vault',
    '}',
    '"t"',
    '  step Added { owner Ops.Agent; next Done }\n',
    '  end Review\n',
    'workflow Extra { owner Ops; step Log { owner Legal; next Log } }\n',
];

/** Names the files declare or refer to: a rename of one of them breaks or mends references. */
const NAMES = ['Legal', 'Ops', 'Agent', 'Counsel', 'Mail', 'Vault', 'Log', 'Review', 'Done', 'Store', 'Stored', 'Intake'];

/** Inside one node: a stray word (removed again later) or a string typed where a clause belongs. */
function editInsideNode(text: string, next: () => number): string {
    if (/ zz(?=owner|duration|next)/.test(text) && next() < 0.5) return text.replace(/ zz(?=owner|duration|next)/g, ' ');
    const places = [...text.matchAll(/(?<=step \w+ \{ )|(?<=; )(?=owner|duration|next)/g)].map(match => match.index!);
    if (places.length === 0) return text;
    const at = places[Math.floor(next() * places.length)];
    return text.slice(0, at) + (next() < 0.5 ? 'zz' : '"t" ') + text.slice(at);
}

function edit(text: string, next: () => number): string {
    const at = Math.floor(next() * (text.length + 1));
    switch (Math.floor(next() * 6)) {
        case 5:
            return editInsideNode(text, next);
        case 0:
            return SNIPPETS[Math.floor(next() * SNIPPETS.length)] + text;
        case 1:
            return text.slice(0, at) + SNIPPETS[Math.floor(next() * SNIPPETS.length)] + text.slice(at);
        case 2:
            return text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 8));
        case 3: {
            const name = NAMES[Math.floor(next() * NAMES.length)];
            // Renamed one way, or back again.
            return text.includes(`${name}2`) ? text.replace(`${name}2`, name) : text.replace(new RegExp(`\\b${name}\\b`), `${name}2`);
        }
        default:
            return text.replace(/^[^\n]*\n/, '');
    }
}

const SEQUENCES = Number(process.env.LIVE_FRESH_SEQUENCES ?? 20);
const EDITS = 200;

const shown = (diagnostics: Diagnostic[]) => diagnostics.map(d => `${JSON.stringify(d.range)} ${d.code} ${d.message}`).sort();

describe('live server equals a fresh one', function () {
    this.timeout(Math.max(120_000, SEQUENCES * 60_000));

    async function observe(client: TestLspClient, uris: string[], texts: string[]): Promise<unknown> {
        const result: unknown[] = [];
        // Answered once the whole workspace is validated: every publication was sent before the answer.
        await client.connection.sendRequest(MatrixRequest.type, { format: 'md' });
        for (const [index, uri] of uris.entries()) {
            const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
            // let the last publications arrive
            await new Promise(resolve => setTimeout(resolve, 300));
            const hovers: unknown[] = [];
            const lines = texts[index].split('\n');
            for (const [line, content] of lines.slice(0, 6).entries()) {
                for (const match of [...content.matchAll(/[A-Za-z_]\w*/g)].slice(0, 4)) {
                    const hover = await client.connection.sendRequest(HoverRequest.type, {
                        textDocument: { uri },
                        position: { line, character: match.index! },
                    });
                    hovers.push(hover?.contents ?? null);
                }
            }
            result.push({ uri, symbols, hovers, diagnostics: shown(await client.diagnosticsFor(uri)) });
        }
        return result;
    }

    it(`agrees after ${SEQUENCES} seeded sequences of ${EDITS} edits across five files`, async () => {
        for (let sequence = 1; sequence <= SEQUENCES; sequence++) {
            const next = seededRandom(1000 + sequence);
            const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'wa-live-fresh-')));
            const names = Object.keys(FILES);
            for (const name of names) fs.writeFileSync(path.join(dir, name), FILES[name]);
            const uris = names.map(name => pathToFileURL(path.join(dir, name)).toString());
            const texts = names.map(name => FILES[name]);
            // Every other sequence leaves the organization and the systems closed.
            const opened = sequence % 2 === 0 ? [2, 3, 4] : [0, 1, 2, 3, 4];
            const live = new TestLspClient();
            let fresh: TestLspClient | undefined;
            try {
                await live.initialize(dir);
                for (const [index, uri] of uris.entries()) {
                    if (!opened.includes(index)) continue;
                    await live.connection.sendNotification(DidOpenTextDocumentNotification.type, {
                        textDocument: { uri, languageId: 'workflow', version: 1, text: texts[index] },
                    });
                }
                const versions = uris.map(() => 1);
                for (let i = 0; i < EDITS; i++) {
                    const index = opened[Math.floor(next() * opened.length)];
                    texts[index] = edit(texts[index], next);
                    await live.connection.sendNotification(DidChangeTextDocumentNotification.type, {
                        textDocument: { uri: uris[index], version: ++versions[index] },
                        contentChanges: [{ text: texts[index] }],
                    });
                }
                // the fresh server reads the final files from disk and has them open, as the live one does
                for (const [index, name] of names.entries()) fs.writeFileSync(path.join(dir, name), texts[index]);
                fresh = new TestLspClient();
                await fresh.initialize(dir);
                for (const [index, uri] of uris.entries()) {
                    if (!opened.includes(index)) continue;
                    await fresh.connection.sendNotification(DidOpenTextDocumentNotification.type, {
                        textDocument: { uri, languageId: 'workflow', version: 1, text: texts[index] },
                    });
                }
                const freshView = await observe(fresh, uris, texts);
                const liveView = await observe(live, uris, texts);
                assert.deepEqual(liveView, freshView, `sequence ${sequence}`);
            } finally {
                await live.dispose();
                await fresh?.dispose();
                fs.rmSync(dir, { recursive: true, force: true });
            }
        }
    });
});
