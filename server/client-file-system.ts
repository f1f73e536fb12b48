/**
 * A Langium file system that reads through the language client (see `protocol/lsp-methods.ts`): the web
 * worker has no file system, and the client's `workspace.fs` also reaches virtual workspaces.
 * Langium only needs the asynchronous calls to load a workspace; the synchronous ones cannot
 * wait for the client and report that plainly.
 */
import type { FileSystemNode, FileSystemProvider } from 'langium';
import { URI } from 'langium';
import type { Connection } from 'vscode-languageserver';
import { ReadDirectoryRequest, ReadFileRequest, StatRequest, type FileEntry } from '../protocol/lsp-methods.js';

export class ClientFileSystemProvider implements FileSystemProvider {
    constructor(private readonly connection: Connection) {}

    async stat(uri: URI): Promise<FileSystemNode> {
        const entry = await this.connection.sendRequest(StatRequest.type, { uri: uri.toString() });
        if (!entry) {
            throw new Error(`No such file or folder: ${uri.toString()}`);
        }
        return toNode(entry);
    }

    async exists(uri: URI): Promise<boolean> {
        return (await this.connection.sendRequest(StatRequest.type, { uri: uri.toString() })) !== null;
    }

    async readFile(uri: URI): Promise<string> {
        return this.connection.sendRequest(ReadFileRequest.type, { uri: uri.toString() });
    }

    async readBinary(uri: URI): Promise<Uint8Array> {
        return new TextEncoder().encode(await this.readFile(uri));
    }

    async readDirectory(uri: URI): Promise<FileSystemNode[]> {
        const entries = await this.connection.sendRequest(ReadDirectoryRequest.type, { uri: uri.toString() });
        return entries.map(toNode);
    }

    statSync(): FileSystemNode {
        return unavailable();
    }
    existsSync(): boolean {
        return false;
    }
    readBinarySync(): Uint8Array {
        return unavailable();
    }
    readFileSync(): string {
        return unavailable();
    }
    readDirectorySync(): FileSystemNode[] {
        return unavailable();
    }
}

function toNode(entry: FileEntry): FileSystemNode {
    return { uri: URI.parse(entry.uri), isFile: entry.isFile, isDirectory: entry.isDirectory };
}

function unavailable(): never {
    throw new Error('Synchronous file access is not available through the language client.');
}
