/**
 * The language server as an editor meets it: the bundled `workflow-language-server --stdio`
 * started as a child process and driven over JSON-RPC. Times a keystroke until the edited file's
 * diagnostics arrive (valid edits, and edits that break and mend the syntax), completion after
 * `next` (time and response size), and opening one file of a 100-file workspace until its
 * diagnostics arrive; reports the server's resident memory. Beside each, in the same run: the
 * same work in-process (no protocol), a server with Langium's own services in place of the
 * patches (`langium-default-server.ts`), and `JSON.parse` of the same model as JSON.
 *
 *   npm run bench -- server              1,000, 5,000 and 20,000 nodes; the Langium baseline up to 5,000
 *   BENCH_FULL=1 npm run bench -- server the Langium baseline at 20,000 too
 *   npm run bench -- server typing|open  one part
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { EmptyFileSystem } from 'langium';
import { CompletionRequest } from 'vscode-languageserver-protocol';
import type { Position } from 'vscode-languageserver-protocol';
import { createWorkflowServices } from '../language/src/workflow-module.js';
import type { SourceText } from '../language/src/workspace/workflow-workspace.js';
import { timeCompletion, timeEdits } from './language-bench.js';
import { BenchLspClient } from './lsp-bench-client.js';
import { median, ms, percentile, printTable, timeRuns } from './measure.js';
import { generateWorkflow } from './realistic-workflows.js';

const BUNDLED = [path.resolve('bin/workflow-language-server.cjs'), '--stdio'];
const LANGIUM = ['--import', './scripts/node-compat.mjs', path.resolve('out/bench/langium-default-server.js'), '--stdio'];
const KEYSTROKES = 20;
/** Server starts timed in the 100-file workspace, for each server. */
const STARTS = 10;

const cell = (times: number[]) => `${ms(median(times))} / ${ms(percentile(times, 95))}`;
const megabytes = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${(bytes / 1024).toFixed(0)} KB`);

/** A fresh folder holding the files; returns its path. */
function workspace(files: SourceText[]): string {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'workflow-server-bench-'));
    for (const file of files) fs.writeFileSync(path.join(folder, path.basename(new URL(file.uri).pathname)), file.text);
    return folder;
}

function fileIn(folder: string, name: string, text: string): SourceText {
    return { uri: pathToFileURL(path.join(folder, name)).toString(), text };
}

/** Line and character of an offset. */
function positionAt(text: string, offset: number): Position {
    const before = text.slice(0, offset);
    const line = before.split('\n').length - 1;
    return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** Inside the title of the first step after the middle of the text: where the keystrokes type. */
function titleAnchor(text: string): number {
    const match = /\n {2}step \w+ "/g;
    match.lastIndex = Math.floor(text.length / 2);
    const found = match.exec(text);
    if (!found) throw new Error('no step after the middle of the text');
    return found.index + found[0].length;
}

/** The start of a `duration` line after the middle of the text: an `x` there breaks the syntax. */
function breakAnchor(text: string): number {
    const at = text.indexOf('\n    duration ', Math.floor(text.length / 2));
    if (at < 0) throw new Error('no duration after the middle of the text');
    return at + 5;
}

interface Typing {
    valid: number[];
    broken: number[];
    rss: number;
    completion?: { times: number[]; bytes: number; items: number };
}

/** Keystrokes into one file through a server: letters typed into a title, then `x`, `y` typed where a keyword belongs and deleted again. */
async function typeThroughServer(command: string[], text: string, withCompletion: boolean): Promise<Typing> {
    const folder = workspace([]);
    const file = fileIn(folder, 'big.workflow', text);
    fs.writeFileSync(new URL(file.uri), text);
    const client = new BenchLspClient(command);
    try {
        await client.initialize(folder);
        await client.open(file.uri, text);
        const valid: number[] = [];
        const anchor = titleAnchor(text);
        for (let i = 0; i < KEYSTROKES; i++) {
            const at = positionAt(text, anchor + i);
            valid.push(await client.change(file.uri, at, at, String.fromCharCode(97 + (i % 26))));
        }
        // The typed letters come before the break anchor: its offset moves by their count.
        const broken: number[] = [];
        const breakAt = breakAnchor(text) + KEYSTROKES;
        const current = text.slice(0, anchor) + 'abcdefghijklmnopqrst'.slice(0, KEYSTROKES) + text.slice(anchor);
        const at = positionAt(current, breakAt);
        const after = (n: number) => ({ line: at.line, character: at.character + n });
        for (let cycle = 0; cycle < KEYSTROKES / 4; cycle++) {
            broken.push(await client.change(file.uri, at, at, 'x'));
            broken.push(await client.change(file.uri, after(1), after(1), 'y'));
            broken.push(await client.change(file.uri, after(1), after(2), ''));
            broken.push(await client.change(file.uri, at, after(1), ''));
        }
        const completion = withCompletion ? await completeThroughServer(client, file.uri, current) : undefined;
        return { valid, broken, rss: client.rss(), completion };
    } finally {
        await client.dispose();
        fs.rmSync(folder, { recursive: true, force: true });
    }
}

/** Completion requests after `next ` in the last step. */
async function completeThroughServer(client: BenchLspClient, uri: string, text: string): Promise<Typing['completion']> {
    const position = positionAt(text, text.lastIndexOf('next ') + 'next '.length);
    let bytes = 0;
    let items = 0;
    const times = await timeRuns(10, async () => {
        const result = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
        bytes = JSON.stringify(result).length;
        items = Array.isArray(result) ? result.length : (result?.items.length ?? 0);
    });
    return { times, bytes, items };
}

/** The model as plain JSON (types, properties, reference texts): what `JSON.parse` would read instead. */
function modelJson(text: string): string {
    const services = createWorkflowServices(EmptyFileSystem).Workflow;
    const model = services.parser.LangiumParser.parse(text).value;
    return JSON.stringify(model, (key, value: unknown) => {
        if (key.startsWith('$') && key !== '$type') return undefined;
        if (value && typeof value === 'object' && '$refText' in value) return (value as { $refText: string }).$refText;
        return value;
    });
}

function jsonFloor(text: string): number {
    const json = modelJson(text);
    return median(timesSync(9, () => JSON.parse(json)));
}

function timesSync(runs: number, task: () => unknown): number[] {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
        const start = performance.now();
        task();
        times.push(performance.now() - start);
    }
    return times;
}

/** The in-process rebuild after the same keystrokes, without the protocol. */
async function typeInProcess(text: string): Promise<number[]> {
    return timeEdits([{ uri: 'file:///bench/big.workflow', text }], KEYSTROKES, undefined, titleAnchor(text));
}

async function keystrokeRows(): Promise<{ typing: string[][]; completion: string[][] }> {
    const typing: string[][] = [];
    const completion: string[][] = [];
    for (const nodes of [1000, 5000, 20000]) {
        const { text } = generateWorkflow(nodes, 1);
        const floor = jsonFloor(text);
        const server = await typeThroughServer(BUNDLED, text, nodes === 20000);
        const inProcess = await typeInProcess(text);
        const baseline = nodes <= 5000 || process.env.BENCH_FULL ? await typeThroughServer(LANGIUM, text, nodes === 20000) : undefined;
        typing.push([
            `${nodes.toLocaleString('en')} nodes`,
            cell(server.valid),
            cell(server.broken),
            cell(inProcess),
            baseline ? cell(baseline.valid) : 'skipped',
            baseline ? cell(baseline.broken) : 'skipped',
            ms(floor),
            megabytes(server.rss),
        ]);
        if (server.completion) {
            const inProcessCompletion = await timeCompletion([{ uri: 'file:///bench/big.workflow', text }], 10);
            completion.push([
                `${nodes.toLocaleString('en')} nodes`,
                cell(server.completion.times),
                `${server.completion.items.toLocaleString('en')} items, ${megabytes(server.completion.bytes)}`,
                cell(inProcessCompletion),
                baseline?.completion ? `${cell(baseline.completion.times)}, ${megabytes(baseline.completion.bytes)}` : 'skipped',
            ]);
        }
    }
    return { typing, completion };
}

/**
 * A workspace of 100 workflow files of 100 nodes and one file of the teams and systems they
 * share (each generated file's workflows renamed apart, its organization merged into the shared file).
 */
export function hundredFiles(folder: string): SourceText[] {
    const organization = new Map<string, string>();
    const files: SourceText[] = [];
    for (let f = 0; f < 100; f++) {
        const blocks = generateWorkflow(100, f + 1).text.split(/\n(?=(?:team|system|workflow) )/);
        const workflows = blocks.filter(block => block.startsWith('workflow '));
        for (const block of blocks.filter(block => !block.startsWith('workflow '))) {
            const name = /^\w+ (\w+)/.exec(block)![1];
            if (!organization.has(name)) organization.set(name, block.trim());
        }
        let text = workflows.join('\n');
        for (const [, name] of text.matchAll(/^workflow (\w+)/gm)) text = text.replace(new RegExp(`\\b${name}\\b`, 'g'), `${name}F${f}`);
        files.push(fileIn(folder, `w${f}.workflow`, text));
    }
    // Systems are owned by teams: teams first.
    const org = [...organization.values()].sort((a, b) => Number(a.startsWith('system')) - Number(b.startsWith('system')));
    return [fileIn(folder, 'organization.workflow', org.join('\n\n') + '\n'), ...files];
}

/** `didOpen` of one file right after start-up, until its diagnostics; then of a second file once the workspace is built. */
async function openInWorkspace(command: string[]): Promise<{ first: number; later: number; all: number }> {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'workflow-server-bench-'));
    const files = hundredFiles(folder);
    for (const file of files) fs.writeFileSync(new URL(file.uri), file.text);
    const client = new BenchLspClient(command);
    try {
        const start = performance.now();
        await client.initialize(folder);
        const first = await client.open(files[50].uri, files[50].text);
        await client.allPublished(files.map(file => file.uri));
        const all = performance.now() - start;
        const later = await client.open(files[70].uri, files[70].text);
        return { first, later, all };
    } finally {
        await client.dispose();
        fs.rmSync(folder, { recursive: true, force: true });
    }
}

async function workspaceRows(): Promise<string[][]> {
    const rows: string[][] = [];
    const bundled: Array<Awaited<ReturnType<typeof openInWorkspace>>> = [];
    const langium: Array<Awaited<ReturnType<typeof openInWorkspace>>> = [];
    for (let run = 0; run < STARTS; run++) {
        bundled.push(await openInWorkspace(BUNDLED));
        langium.push(await openInWorkspace(LANGIUM));
    }
    for (const [label, runs] of [
        ['server', bundled],
        ['Langium default services', langium],
    ] as const) {
        rows.push([label, cell(runs.map(run => run.first)), cell(runs.map(run => run.all)), cell(runs.map(run => run.later))]);
    }
    return rows;
}

export async function serverBench(part?: string): Promise<void> {
    if (part !== 'open') await typingTables();
    if (part !== 'typing') {
        printTable(
            `didOpen in a workspace of 100 files × 100 nodes (median / p95 of ${STARTS} starts)`,
            ['server', 'didOpen → its diagnostics', 'start → every file published', 'second didOpen → its diagnostics'],
            await workspaceRows(),
        );
    }
}

async function typingTables(): Promise<void> {
    const { typing, completion } = await keystrokeRows();
    printTable(
        `Keystroke → that file's diagnostics through the stdio server (median / p95 of ${KEYSTROKES}; same run)`,
        [
            'file',
            'server: valid edit',
            'server: syntax-error edit',
            'in-process rebuild',
            'Langium default: valid',
            'Langium default: syntax error',
            'JSON.parse of the model',
            'server RSS',
        ],
        typing,
    );
    printTable(
        'Completion after `next` through the stdio server (median / p95 of 10)',
        ['file', 'server', 'response', 'in-process', 'Langium default'],
        completion,
    );
}
