/**
 * The file opened while the server starts is built and published before the rest of the
 * workspace; these seeded workspaces check that this changes nothing a user sees:
 * - the first diagnostics published for the opened file are those a server that has built the
 *   whole workspace publishes for it (no `unresolved-reference`, `unused` or `duplicate-name`
 *   that later goes away);
 * - then, while the rest still builds, the file is edited, a second file is opened, and a file
 *   the others refer to (teams, systems, called workflows) is changed; at the end the server
 *   publishes what a fresh server started on the final files publishes.
 * Workspaces have namesakes across files, calls between files and references to undeclared names.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DidChangeTextDocumentNotification, DidOpenTextDocumentNotification } from 'vscode-languageserver-protocol';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { TestLspClient } from '../protocol/lsp-client.js';
import { seededRandom } from '../helpers.js';

const SEQUENCES = Number(process.env.OPEN_FIRST_SEQUENCES ?? 8);
const FILES = 14;

const shown = (diagnostics: Diagnostic[]) => diagnostics.map(d => `${JSON.stringify(d.range)} ${d.code} ${d.message}`).sort();

/** A seeded workspace: organization files (some teams declared twice), systems, and workflows that call each other across files. */
function workspace(next: () => number): string[] {
    const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)];
    const teams = ['Legal', 'Ops', 'Sales', 'Audit', 'Missing'];
    const files: string[] = [];
    files.push('team Legal { role Counsel; person ann as Counsel }\nteam Ops { role Agent }\nteam Sales { role Rep }\n');
    files.push(`team Audit { role Lead }\n${next() < 0.5 ? 'team Ops { role Agent }\n' : ''}// team Hidden { }\n`);
    files.push('system Mail { owner Ops.Agent }\nsystem Vault "Vault \\"team Secret\\"" { owner Legal.Counsel; access Legal, Audit }\n');
    for (let f = 3; f < FILES; f++) {
        const name = `Flow${f}`;
        const team = pick(teams);
        const callee = `Flow${3 + Math.floor(next() * (FILES - 3))}`;
        const lines = [`workflow ${name} "Flow ${f}" {`, `  owner ${team}`, '  sla 2d'];
        lines.push(
            `  step A { owner ${pick(teams)}; uses ${pick(['Mail', 'Vault', 'Fax'])}; duration ${1 + Math.floor(next() * 9)}h; next B }`,
        );
        lines.push(`  step B { owner ${team}; ${next() < 0.6 ? `calls ${callee}; ` : ''}duration 1h; next Done }`);
        lines.push('  end Done', '}');
        if (next() < 0.3) lines.push(`team ${pick(['Spare', 'Legal', `Local${f}`])} { role Any }`);
        if (next() < 0.2) lines.push(`workflow ${`Flow${3 + Math.floor(next() * (FILES - 3))}`} { owner Ops; end E }`);
        files.push(lines.join('\n') + '\n');
    }
    return files;
}

/** Edits that change what other files see: a renamed or added declaration, a removed reference. */
function change(text: string, next: () => number): string {
    switch (Math.floor(next() * 4)) {
        case 0:
            return text.replace(/\b(Legal|Ops|Audit|Mail|Vault|Flow\d+)\b/, '$12');
        case 1:
            return text + `team ${['Missing', 'Spare', 'Sales'][Math.floor(next() * 3)]} { role Rep }\n`;
        case 2:
            return text.replace(/calls \w+; /, '');
        default:
            return text.replace(/^[^\n]*\n/, '');
    }
}

async function allPublished(client: TestLspClient, uris: string[]): Promise<void> {
    for (const uri of uris) await client.diagnosticsFor(uri, () => true, 30_000);
    // let the last rounds of a build arrive
    await new Promise(resolve => setTimeout(resolve, 500));
}

async function open(client: TestLspClient, uri: string, text: string): Promise<void> {
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri, languageId: 'workflow', version: 1, text },
    });
}

describe('the file opened at start-up is built first', function () {
    this.timeout(Math.max(120_000, SEQUENCES * 40_000));

    it(`publishes it as a fully built workspace does, and ends as a fresh server, over ${SEQUENCES} seeded workspaces`, async () => {
        for (let sequence = 1; sequence <= SEQUENCES; sequence++) {
            const next = seededRandom(5000 + sequence);
            const texts = workspace(next);
            const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'wa-open-first-')));
            const names = texts.map((_, f) => `f${String(f).padStart(2, '0')}.workflow`);
            names.forEach((name, f) => fs.writeFileSync(path.join(dir, name), texts[f]));
            const uris = names.map(name => pathToFileURL(path.join(dir, name)).toString());
            const first = 3 + Math.floor(next() * (FILES - 3));
            const second = (first + 1 + Math.floor(next() * (FILES - 1))) % FILES;
            const referenced = Math.floor(next() * 3);
            const clients: TestLspClient[] = [];
            const client = () => {
                const created = new TestLspClient();
                clients.push(created);
                return created;
            };
            try {
                // The reference: what a server publishes for the file last, once it has built the whole workspace
                // (the initial build validates nothing until a file is opened).
                const built = client();
                await built.initialize(dir);
                await open(built, uris[first], texts[first]);
                await allPublished(built, uris);
                const expected = shown(await built.diagnosticsFor(uris[first]));

                const live = client();
                await live.initialize(dir);
                await open(live, uris[first], texts[first]);
                await live.diagnosticsFor(uris[first], () => true, 30_000);
                assert.deepEqual(shown(live.publications.get(uris[first])![0]), expected, `sequence ${sequence}: first publication`);

                // While the rest builds: edit the opened file, open a second, change one the others refer to.
                texts[first] = change(texts[first], next);
                await live.connection.sendNotification(DidChangeTextDocumentNotification.type, {
                    textDocument: { uri: uris[first], version: 2 },
                    contentChanges: [{ text: texts[first] }],
                });
                await open(live, uris[second], texts[second]);
                const opened = new Set([first, second, referenced]);
                if (referenced !== second) await open(live, uris[referenced], texts[referenced]);
                texts[referenced] = change(texts[referenced], next);
                await live.connection.sendNotification(DidChangeTextDocumentNotification.type, {
                    textDocument: { uri: uris[referenced], version: 2 },
                    contentChanges: [{ text: texts[referenced] }],
                });
                await allPublished(live, uris);

                names.forEach((name, f) => fs.writeFileSync(path.join(dir, name), texts[f]));
                const fresh = client();
                await fresh.initialize(dir);
                for (const f of opened) await open(fresh, uris[f], texts[f]);
                await allPublished(fresh, uris);
                for (const [f, uri] of uris.entries()) {
                    assert.deepEqual(
                        shown(await live.diagnosticsFor(uri)),
                        shown(await fresh.diagnosticsFor(uri)),
                        `sequence ${sequence}: ${names[f]}`,
                    );
                }
            } finally {
                await Promise.all(clients.map(c => c.dispose()));
                fs.rmSync(dir, { recursive: true, force: true });
            }
        }
    });
});
