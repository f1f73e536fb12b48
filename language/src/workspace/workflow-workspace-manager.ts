/**
 * Loads the workspace with its configuration: before the files of a workspace folder are read,
 * its `.workflowrc.json` and `.workflowignore` are, so that `ignore` keeps files out of the
 * workspace from the start. When either file is created, changed or deleted, the configuration
 * is read again and the workspace follows: files that became ignored leave it (unless open in an
 * editor: those are checked alone), files no longer ignored join it, and every file of the
 * folder is checked again under the new rules. Problems in `.workflowrc.json` are published as
 * diagnostics of that file.
 *
 * At start-up the files are read but not parsed: each joins the workspace as a document still to
 * be built, so the workspace is ready (and a `didOpen` can be handled) as soon as the files are
 * read. The first build then parses and checks every file, open or not; one that holds an open
 * document builds that document and what it depends on first (`workflow-document-builder.ts`),
 * and reads which those are from the text kept here until the document is parsed.
 */
import type {
    FileSystemNode,
    FileSystemProvider,
    LangiumDocument,
    LangiumDocumentFactory,
    Stream,
    WorkspaceFolder,
    WorkspaceManager,
} from 'langium';
import { Cancellation, DefaultWorkspaceManager, delayNextTick, DocumentState, URI, UriUtils } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { WorkflowDocumentBuilder } from './workflow-document-builder.js';
import type { WorkflowRcStore } from './workflow-rc-store.js';
import { workflowRcOf } from './workflow-rc-store.js';
import type { WorkflowRc } from './workflow-rc.js';
import { emptyWorkflowRc, IGNORE_FILE, loadWorkflowRc, RC_FILE, relativePath } from './workflow-rc.js';

/** A file system that says which files it reads without waiting (`readFileSync` works for them). */
export interface ReadsAtOnce {
    readsAtOnce(uri: URI): boolean;
}

/** How long start-up reads files at once before it lets the server handle its messages. */
const READ_SLICE_MS = 10;

export class WorkflowWorkspaceManager extends DefaultWorkspaceManager {
    private readonly store: WorkflowRcStore;
    private readonly shared: LangiumSharedServices;
    /** The configuration files that got diagnostics, so that fixing them clears them. */
    private readonly published = new Set<string>();
    private readonly documentFactory: LangiumDocumentFactory;
    /** The text of each file read at start-up, until its document is parsed. */
    private readonly startupTexts = new Map<string, string>();

    constructor(services: LangiumSharedServices) {
        super(services);
        this.shared = services;
        this.store = workflowRcOf(services);
        this.documentFactory = services.workspace.LangiumDocumentFactory;
        // Every file of the workspace is checked at start-up, whether or not one is open, with the
        // checks of a build after an edit: Langium's default ({}) leaves them unvalidated, and a
        // build cancelled by the first `didOpen` kept those options, so whether the other files
        // got diagnostics depended on which came first.
        this.initialBuildOptions = this.documentBuilder.updateBuildOptions;
        this.documentBuilder.onDocumentPhase(DocumentState.Parsed, document => {
            this.startupTexts.delete(document.uri.toString());
        });
    }

    /**
     * Reads the files and adds each as a document still to be parsed (Langium parses each here).
     * Files the file system reads at once (local files, in the Node server) are read so, a slice
     * of about 10 ms at a time between which the server handles its messages: a hundred
     * asynchronous reads took several times the main thread's time of the reads themselves (each
     * a few promises and round trips through the thread pool), and a `didOpen` waits for them.
     */
    protected override async loadWorkspaceDocuments(uris: Stream<URI>, collector: (document: LangiumDocument) => void): Promise<void> {
        const add = (uri: URI, text: string) => {
            // The placeholder Langium's own `update` creates for a file new to the workspace.
            const document = this.documentFactory.fromModel({ $type: 'INVALID' }, uri);
            document.state = DocumentState.Changed;
            this.startupTexts.set(uri.toString(), text);
            collector(document);
        };
        const fileSystem = this.fileSystemProvider as FileSystemProvider & Partial<ReadsAtOnce>;
        const waiting: Array<Promise<void>> = [];
        let sliceStart = Date.now();
        for (const uri of uris) {
            if (!fileSystem.readsAtOnce?.(uri)) {
                waiting.push(fileSystem.readFile(uri).then(text => add(uri, text)));
                continue;
            }
            add(uri, fileSystem.readFileSync(uri));
            if (Date.now() - sliceStart > READ_SLICE_MS) {
                await delayNextTick();
                sliceStart = Date.now();
            }
        }
        await Promise.all(waiting);
    }

    /** The text a file had when the workspace read it at start-up, while its document is not parsed yet. */
    startupText(uri: URI): string | undefined {
        return this.startupTexts.get(uri.toString());
    }

    override async initializeWorkspace(folders: WorkspaceFolder[], cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        await Promise.all(folders.map(folder => this.loadConfiguration(URI.parse(folder.uri))));
        return super.initializeWorkspace(folders, cancelToken);
    }

    override shouldIncludeEntry(entry: FileSystemNode): boolean {
        return super.shouldIncludeEntry(entry) && !this.store.isIgnored(entry.uri, entry.isDirectory);
    }

    /** Reads the configuration of a workspace root, keeps it, and publishes its problems. */
    async loadConfiguration(root: URI): Promise<WorkflowRc> {
        const rc = await loadWorkflowRc(root, uri => readIfFile(this.fileSystemProvider, uri));
        this.store.set(rc);
        this.publishProblems(rc);
        return rc;
    }

    /** Forgets a root that left the workspace. */
    removeConfiguration(root: URI): void {
        this.store.remove(root);
        this.publishProblems(emptyWorkflowRc(root));
    }

    /** Whether a URI names a configuration file of a workspace root. */
    isConfigurationFile(uri: URI): boolean {
        const name = UriUtils.basename(uri);
        return (name === RC_FILE || name === IGNORE_FILE) && this.rootOf(uri) !== undefined;
    }

    /** Reads the configuration of the roots of changed configuration files again, and updates the workspace to match. */
    async reloadConfigurations(files: URI[]): Promise<void> {
        await this.ready;
        const roots = new Map<string, URI>();
        for (const file of files) {
            const root = this.rootOf(file);
            if (root) roots.set(root.toString(), root);
        }
        for (const root of roots.values()) {
            await this.mutex.write(async token => {
                await this.loadConfiguration(root);
                const { changed, removed } = await this.membershipAfterReload(root);
                // The texts are the same; what they mean changed, so an open file is built again too.
                const builder = this.documentBuilder;
                if (builder instanceof WorkflowDocumentBuilder) await builder.rebuild(changed, removed, token);
                else await builder.update(changed, removed, token);
            });
        }
    }

    /** Every file of the root to check again, and the loaded ones that its `ignore` now leaves out. */
    private async membershipAfterReload(root: URI): Promise<{ changed: URI[]; removed: URI[] }> {
        const open = (document: LangiumDocument) => Boolean(this.shared.workspace.TextDocuments.get(document.uri.toString()));
        const loaded = this.langiumDocuments.all.filter(document => relativePath(root, document.uri) !== undefined).toArray();
        const removed = loaded.filter(document => this.store.isIgnored(document.uri) && !open(document)).map(d => d.uri);
        const kept = loaded.filter(document => !removed.includes(document.uri)).map(d => d.uri);
        const found = await this.searchFolder(root);
        const changed = new Map([...kept, ...found].map(uri => [uri.toString(), uri]));
        return { changed: [...changed.values()], removed };
    }

    /** The workspace folder whose root holds the file directly. */
    private rootOf(file: URI): URI | undefined {
        const folder = UriUtils.dirname(file).toString().replace(/\/+$/, '');
        return (this.workspaceFolders ?? []).map(f => URI.parse(f.uri)).find(root => root.toString().replace(/\/+$/, '') === folder);
    }

    private publishProblems(rc: WorkflowRc): void {
        const connection = this.shared.lsp.Connection;
        if (!connection) return;
        const byFile = new Map<string, Diagnostic[]>();
        for (const problem of rc.problems) {
            const key = problem.file.toString();
            const list = byFile.get(key) ?? [];
            list.push({ range: problem.range, severity: DiagnosticSeverity.Error, source: 'workflow', message: problem.message });
            byFile.set(key, list);
        }
        const rcFile = UriUtils.joinPath(rc.root, RC_FILE).toString();
        if (this.published.has(rcFile) && !byFile.has(rcFile)) byFile.set(rcFile, []);
        for (const [uri, diagnostics] of byFile) {
            if (diagnostics.length > 0) this.published.add(uri);
            else this.published.delete(uri);
            void connection.sendDiagnostics({ uri, diagnostics });
        }
    }
}

/** The text a workspace manager read at start-up for a document not yet parsed (see `WorkflowWorkspaceManager.startupText`). */
export function startupTextOf(manager: WorkspaceManager, uri: URI): string | undefined {
    return manager instanceof WorkflowWorkspaceManager ? manager.startupText(uri) : undefined;
}

/** The text of a file; `undefined` when there is none (or it is a folder, or cannot be read). */
async function readIfFile(fileSystem: FileSystemProvider, uri: URI): Promise<string | undefined> {
    try {
        if (!(await fileSystem.exists(uri))) return undefined;
        const stat = await fileSystem.stat(uri);
        return stat.isFile ? await fileSystem.readFile(uri) : undefined;
    } catch {
        return undefined;
    }
}
