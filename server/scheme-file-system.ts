/**
 * For the Node server: local files (`file:`) are read from disk, anything else — a virtual
 * workspace such as a remote repository — through the client's `workspace.fs`.
 */
import type { FileSystemNode, FileSystemProvider, URI } from 'langium';
import type { ReadsAtOnce } from '../language/src/workspace/workflow-workspace-manager.js';

export class SchemeFileSystemProvider implements FileSystemProvider, ReadsAtOnce {
    constructor(
        private readonly local: FileSystemProvider,
        private readonly remote: FileSystemProvider,
    ) {}

    private pick(uri: URI): FileSystemProvider {
        return uri.scheme === 'file' ? this.local : this.remote;
    }

    /** Local files: the workspace reads them at start-up without waiting for each. */
    readsAtOnce(uri: URI): boolean {
        return this.pick(uri) === this.local;
    }

    stat(uri: URI): Promise<FileSystemNode> {
        return this.pick(uri).stat(uri);
    }
    statSync(uri: URI): FileSystemNode {
        return this.pick(uri).statSync(uri);
    }
    exists(uri: URI): Promise<boolean> {
        return this.pick(uri).exists(uri);
    }
    existsSync(uri: URI): boolean {
        return this.pick(uri).existsSync(uri);
    }
    readBinary(uri: URI): Promise<Uint8Array> {
        return this.pick(uri).readBinary(uri);
    }
    readBinarySync(uri: URI): Uint8Array {
        return this.pick(uri).readBinarySync(uri);
    }
    readFile(uri: URI): Promise<string> {
        return this.pick(uri).readFile(uri);
    }
    readFileSync(uri: URI): string {
        return this.pick(uri).readFileSync(uri);
    }
    readDirectory(uri: URI): Promise<FileSystemNode[]> {
        return this.pick(uri).readDirectory(uri);
    }
    readDirectorySync(uri: URI): FileSystemNode[] {
        return this.pick(uri).readDirectorySync(uri);
    }
}
