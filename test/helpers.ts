/**
 * Test helpers: build a workspace of several files from texts with markers, and fail loudly on
 * parser errors before anything else is asserted.
 *
 * Markers (as in `langium/test`): `<|>` marks a cursor, `<|text|>` marks a range.
 */
import * as assert from 'node:assert/strict';
import type { LangiumDocument } from 'langium';
import { EmptyFileSystem, URI } from 'langium';
import type { Diagnostic, Position, Range } from 'vscode-languageserver-types';
import type { Model } from '../language/src/generated/ast.js';
import { createWorkflowServices } from '../language/src/workflow-module.js';
import type { WorkflowServices } from '../language/src/workflow-module.js';
import { buildWorkspace, diagnosticsOf } from '../language/src/workspace/workflow-workspace.js';
import { resolveWorkflowRc } from '../language/src/workspace/workflow-rc.js';
import { workflowRcOf } from '../language/src/workspace/workflow-rc-store.js';

export interface MarkedFile {
    readonly uri: string;
    readonly document: LangiumDocument<Model>;
    /** Positions of the `<|>` markers, in order. */
    readonly cursors: Position[];
    /** Ranges of the `<|text|>` markers, in order. */
    readonly ranges: Range[];
}

export interface TestWorkspace {
    readonly services: WorkflowServices;
    readonly files: Record<string, MarkedFile>;
}

export const WORKSPACE_ROOT = 'file:///workspace';

export function uriOf(name: string): string {
    return `${WORKSPACE_ROOT}/${name}`;
}

export interface WorkspaceOptions {
    readonly allowSyntaxErrors?: boolean;
    /** The text of the workspace's `.workflowrc.json`. */
    readonly rc?: string;
    /** The text of the workspace's `.workflowignore`. */
    readonly ignore?: string;
}

/** Builds the files (name → text with markers) as one workspace. */
export async function loadWorkspace(files: Record<string, string>, options: WorkspaceOptions = {}): Promise<TestWorkspace> {
    const stripped = Object.entries(files).map(([name, text]) => ({ name, ...stripMarkers(text) }));
    const services = createWorkflowServices(EmptyFileSystem).Workflow;
    if (options.rc !== undefined || options.ignore !== undefined) {
        workflowRcOf(services.shared).set(resolveWorkflowRc(URI.parse(WORKSPACE_ROOT), { rc: options.rc, ignore: options.ignore }));
    }
    const { documents } = await buildWorkspace(
        stripped.map(file => ({ uri: uriOf(file.name), text: file.text })),
        services,
    );
    const result: Record<string, MarkedFile> = {};
    stripped.forEach((file, index) => {
        const document = documents[index];
        if (!options.allowSyntaxErrors) {
            const errors = [...document.parseResult.lexerErrors, ...document.parseResult.parserErrors].map(e => e.message);
            assert.deepEqual(errors, [], `${file.name} does not parse`);
        }
        const at = (offset: number) => document.textDocument.positionAt(offset);
        result[file.name] = {
            uri: uriOf(file.name),
            document,
            cursors: file.cursors.map(at),
            ranges: file.ranges.map(([start, end]) => ({ start: at(start), end: at(end) })),
        };
    });
    return { services, files: result };
}

/** One file named `main.workflow`, for the common single-file case. */
export async function loadText(text: string, options?: WorkspaceOptions): Promise<TestWorkspace & { main: MarkedFile }> {
    const workspace = await loadWorkspace({ 'main.workflow': text }, options);
    return { ...workspace, main: workspace.files['main.workflow'] };
}

/** A diagnostic whose message is plain text, as all of this language's are. */
export type TextDiagnostic = Diagnostic & { message: string };

/** The diagnostics of a file, optionally only those with a code. */
export function diagnostics(file: MarkedFile, code?: string): TextDiagnostic[] {
    return diagnosticsOf(file.document)
        .filter(d => code === undefined || d.code === code)
        .map(d => ({ ...d, message: String(d.message) }));
}

/** The text a range covers in a file. */
export function textAt(file: MarkedFile, range: Range): string {
    return file.document.textDocument.getText(range);
}

function stripMarkers(input: string): { text: string; cursors: number[]; ranges: Array<[number, number]> } {
    const cursors: number[] = [];
    const ranges: Array<[number, number]> = [];
    const open: number[] = [];
    let text = '';
    for (let i = 0; i < input.length;) {
        if (input.startsWith('<|>', i)) {
            cursors.push(text.length);
            i += 3;
        } else if (input.startsWith('<|', i)) {
            open.push(text.length);
            i += 2;
        } else if (input.startsWith('|>', i) && open.length > 0) {
            ranges.push([open.pop()!, text.length]);
            i += 2;
        } else {
            text += input[i++];
        }
    }
    return { text, cursors, ranges };
}

/** A small organization most tests build on. */
export const ORG = `
team Sales { role Rep; role Manager; person bob "Bob" as Rep }
team Billing { role Clerk }
team Support { role Agent }
system CRM { owner Sales.Manager; access Sales, Support }
system Ledger { owner Billing.Clerk; access Billing }
system Chat { owner Support.Agent }
`;

/** A small deterministic random generator (mulberry32), so a failing case can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
    return () => {
        seed = (seed + 0x6d2b79f5) | 0;
        let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

/** An AST as plain data — types, properties and reference texts, no positions or links — to compare meaning. */
export function astShape(node: unknown): unknown {
    if (Array.isArray(node)) return node.map(astShape);
    if (node && typeof node === 'object') {
        if ('$refText' in node) return { ref: (node as { $refText: string }).$refText };
        return Object.fromEntries(
            Object.entries(node)
                .filter(([key]) => !key.startsWith('$') || key === '$type')
                .map(([key, value]) => [key, astShape(value)]),
        );
    }
    return node;
}
