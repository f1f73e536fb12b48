/**
 * The custom LSP methods of Workflow Architect, declared once and imported by the server and the
 * VS Code client alike. Names are namespaced `workflow/…`.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { WorkflowGraph } from './graph-model.js';
import type { OrgMap, SourceLocation } from './org-map.js';
import type { SimulationOverlay } from './simulation-overlay.js';

/** A request's method name and its typed `RequestType`, for `sendRequest` and `onRequest` alike. */
const request = <P, R>(method: string) => ({ method, type: new RequestType<P, R, void>(method) }) as const;
const notification = <P>(method: string) => ({ method, type: new NotificationType<P>(method) }) as const;

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
export const ReadFileRequest = request<{ uri: string }, string>('workflow/fs/readFile');

export const ReadDirectoryRequest = request<{ uri: string }, FileEntry[]>('workflow/fs/readDirectory');

export const StatRequest = request<{ uri: string }, FileEntry | null>('workflow/fs/stat');

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
    /** The graph model of the chosen workflow (see `graph-model.ts`). */
    readonly graph?: WorkflowGraph;
    /** Syntax errors in the document: a preview keeps its last good diagram while there are any. */
    readonly syntaxErrors: number;
    /** The simulated figures of the chosen workflow, when its time is uncertain (ranges or likelihoods). */
    readonly simulation?: SimulationOverlay;
}

/** The graph model of one workflow of a document, after validation. */
export const GraphRequest = request<GraphParams, GraphResult>('workflow/graph');

/** Sent after a document was validated: its graphs may have changed. */
export const GraphChangedNotification = notification<{ uri: string }>('workflow/graphChanged');

/** The ownership matrix of the whole workspace, as Markdown or CSV text. */
export const MatrixRequest = request<{ format: 'md' | 'csv' }, string>('workflow/matrix');

/** A workflow of the workspace and where it is declared, for the Organization Map's lists. */
export interface WorkflowLocation {
    readonly name: string;
    readonly title?: string;
    readonly location?: SourceLocation;
}

export interface OrgMapResult {
    readonly map: OrgMap;
    readonly workflows: WorkflowLocation[];
}

/** The organization map of the whole workspace (see `org-map.ts`), after validation. */
export const OrgMapRequest = request<Record<string, never>, OrgMapResult>('workflow/orgMap');

/**
 * Sent by the client when a `.workflowrc.json` or `.workflowignore` was saved, created or deleted:
 * the server reads the configuration of its workspace folder again.
 */
export const ConfigurationFilesChangedNotification = notification<{ uris: string[] }>('workflow/configurationFilesChanged');
