/**
 * Serves the server's file requests (`workflow/fs/*`) from `vscode.workspace.fs`, which works for
 * local folders, VS Code for the Web and virtual workspaces alike.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import type { FileEntry } from '../protocol/lsp-methods.js';
import { ReadDirectoryRequest, ReadFileRequest, StatRequest } from '../protocol/lsp-methods.js';

export function serveFileSystem(client: BaseLanguageClient): vscode.Disposable[] {
    const decoder = new TextDecoder();
    return [
        client.onRequest(ReadFileRequest.type, async ({ uri }) =>
            decoder.decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(uri))),
        ),
        client.onRequest(ReadDirectoryRequest.type, async ({ uri }) => {
            const folder = vscode.Uri.parse(uri);
            const entries = await vscode.workspace.fs.readDirectory(folder);
            return entries.map(([name, type]) => entry(vscode.Uri.joinPath(folder, name), type));
        }),
        client.onRequest(StatRequest.type, async ({ uri }) => {
            try {
                const target = vscode.Uri.parse(uri);
                return entry(target, (await vscode.workspace.fs.stat(target)).type);
            } catch {
                return null;
            }
        }),
    ];
}

function entry(uri: vscode.Uri, type: vscode.FileType): FileEntry {
    return {
        uri: uri.toString(),
        isFile: (type & vscode.FileType.File) !== 0,
        isDirectory: (type & vscode.FileType.Directory) !== 0,
    };
}
