/**
 * The custom LSP methods of Workflow Architect, declared once and imported by the server and the
 * VS Code client alike. Names are namespaced `workflow/…`.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { WorkflowGraph } from './graph-model.js';

/** One entry of a folder listing, as the client's file system reports it. */
export interface FileEntry {
    readonly uri: string;
    readonly isFile: boolean;
    readonly isDirectory: boolean;
}

/**
 * File access through the client (`vscode.workspace.fs`), for a server that has no file system of
 * its own — the web worker in VS Code for the Web — and for virtual workspaces.
 */
export namespace ReadFileRequest {
    export const method = 'workflow/fs/readFile';
    export const type = new RequestType<{ uri: string }, string, void>(method);
}

export namespace ReadDirectoryRequest {
    export const method = 'workflow/fs/readDirectory';
    export const type = new RequestType<{ uri: string }, FileEntry[], void>(method);
}

export namespace StatRequest {
    export const method = 'workflow/fs/stat';
    export const type = new RequestType<{ uri: string }, FileEntry | null, void>(method);
}

/** A workflow of a document, with the range of its declaration (for following the cursor). */
export interface WorkflowEntry {
    readonly name: string;
    readonly title?: string;
    readonly range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

export interface GraphParams {
    readonly uri: string;
    /** The workflow to draw; the first of the document when absent or unknown. */
    readonly workflow?: string;
}

export interface GraphResult {
    readonly workflows: WorkflowEntry[];
    /** The graph model of the chosen workflow (see `diagram/graph-model.ts`). */
    readonly graph?: WorkflowGraph;
    /** Syntax errors in the document: a preview keeps its last good diagram while there are any. */
    readonly syntaxErrors: number;
}

/** The graph model of one workflow of a document, after validation. */
export namespace GraphRequest {
    export const method = 'workflow/graph';
    export const type = new RequestType<GraphParams, GraphResult, void>(method);
}

/** Sent after a document was validated: its graphs may have changed. */
export namespace GraphChangedNotification {
    export const method = 'workflow/graphChanged';
    export const type = new NotificationType<{ uri: string }>(method);
}

/** The ownership matrix of the whole workspace, as Markdown or CSV text. */
export namespace MatrixRequest {
    export const method = 'workflow/matrix';
    export const type = new RequestType<{ format: 'md' | 'csv' }, string, void>(method);
}
