/**
 * The custom LSP methods of Workflow Architect, declared once and imported by the server and the
 * VS Code client alike. Names are namespaced `workflow/…`.
 */
import { RequestType } from 'vscode-languageserver-protocol';

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
