/**
 * Keeps workspace-wide diagnostics (`duplicate-name`, `unused`) true in files that did not change.
 *
 * Langium rebuilds a changed file and relinks the files that refer into it, but a file that
 * *declares* a team is not revalidated when another file starts or stops referring to it, or
 * declares the same name. After each update we compare a per-file signature (its top-level names,
 * with the line of each name that is declared more than once, since `duplicate-name` messages in
 * other files cite that line, and the declarations in other files it refers to); only when a
 * changed file's signature moved are the other files revalidated — typing inside a title or a
 * duration costs nothing extra.
 *
 * Requests that wait for a document (hover, symbols, …) may arrive after `didOpen` but before the
 * document is in the workspace, while the workspace is still loading: they wait for it rather
 * than fail with "No document found".
 *
 * Opening a file whose text equals the built one (the workspace loaded it from disk) rebuilds
 * nothing: the document takes the editor's text document and its diagnostics are published again.
 *
 * Langium relinks a document when it refers into a changed file or has unresolved references; a
 * file that starts declaring a name which another file already resolves elsewhere (to a namesake
 * later in URI order) would leave that link stale. Every build therefore compares the top-level
 * names of its documents with those they declared before, and relinks the documents that refer to
 * a newly declared name.
 *
 * A build that holds open documents while files read at start-up are not parsed yet builds
 * the open documents and what their diagnostics depend on first (`open-first.ts`), publishes
 * them, and then builds the rest, cancellable like any build; the caches computed over part of
 * the workspace are emptied before the rest is built.
 */
import type { BuildOptions, LangiumDocument, URI } from 'langium';
import { Cancellation, DefaultDocumentBuilder, DocumentState, OperationCancelled, UriUtils } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { WorkflowServices } from '../workflow-module.js';
import { openFirst } from './open-first.js';
import { declarationsOf } from './workspace-queries.js';
import { startupTextOf } from './workflow-workspace-manager.js';

export class WorkflowDocumentBuilder extends DefaultDocumentBuilder {
    private readonly signatures = new Map<string, string>();
    /** When each document was last validated, counted in validations. */
    private readonly validatedAt = new Map<string, number>();
    /** When each document's references were last indexed, counted in validations. */
    private readonly referencesIndexedAt = new Map<string, number>();
    private validations = 0;
    /** The top-level names each document declared when last indexed. */
    private readonly declaredNames = new Map<string, Set<string>>();
    /**
     * When a signature last moved (or a document was deleted): every document validated before
     * then may show stale findings. Kept across updates, so an update cancelled after a file's
     * signature moved still has the others revalidated by the next one. A document whose signature
     * moves was seen as it is now by every document validated after its references were indexed
     * (its names are in the index before that): only those validated earlier are stale.
     */
    private movedAt = 0;
    /** Documents linked ahead of the rest for an open document: validated with the rest. */
    private readonly validateWithRest = new Set<LangiumDocument>();
    private buildingOpenFirst = false;

    constructor(services: LangiumSharedServices) {
        super(services);
        this.onDocumentPhase(DocumentState.IndexedReferences, document => {
            this.referencesIndexedAt.set(document.uri.toString(), this.validations);
        });
        this.onDocumentPhase(DocumentState.Validated, document => {
            const uri = document.uri.toString();
            const signature = this.signatureOf(document);
            this.validations++;
            if (this.signatures.has(uri) ? this.signatures.get(uri) !== signature : this.validatedAt.size > 0) {
                this.movedAt = Math.max(this.movedAt, (this.referencesIndexedAt.get(uri) ?? this.validations - 1) + 1);
            }
            this.signatures.set(uri, signature);
            this.validatedAt.set(uri, this.validations);
        });
    }

    override async update(changed: URI[], deleted: URI[], cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        for (const uri of deleted) {
            this.signatures.delete(uri.toString());
            this.validatedAt.delete(uri.toString());
            this.referencesIndexedAt.delete(uri.toString());
            this.declaredNames.delete(uri.toString());
            this.movedAt = this.validations + 1;
        }
        const reopened = changed.filter(uri => this.isBuiltFromOpenText(uri));
        for (const uri of reopened) {
            await this.adoptOpenText(this.langiumDocuments.getDocument(uri)!, cancelToken);
        }
        // Only when the last build finished: one cancelled part-way leaves documents for this update to build.
        if (
            reopened.length === changed.length &&
            deleted.length === 0 &&
            changed.length > 0 &&
            this.currentState >= DocumentState.Validated
        ) {
            return;
        }
        await super.update(
            changed.filter(uri => !reopened.includes(uri)),
            deleted,
            cancelToken,
        );
        // Revalidating may move signatures again (a name that became duplicated now cites a line):
        // repeat until nothing moved, a few rounds at most.
        for (let round = 0; round < 3 && this.hasStaleDocuments(); round++) {
            await this.revalidateStale(cancelToken);
        }
    }

    /**
     * Builds the documents again even where their text did not change (their configuration did:
     * severities, rules, ignored files): every document validated until now counts as stale.
     */
    async rebuild(changed: URI[], deleted: URI[], cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        this.movedAt = this.validations + 1;
        await this.update(changed, deleted, cancelToken);
    }

    /** Parses and indexes the documents, adds those that refer to newly declared names, then builds them all. */
    protected override async buildDocuments(
        documents: LangiumDocument[],
        options: BuildOptions,
        cancelToken: Cancellation.CancellationToken,
    ): Promise<void> {
        documents = await this.buildOpenFirst(documents, options, cancelToken);
        this.prepareBuild(documents, options);
        await this.runCancelable(documents, DocumentState.Parsed, cancelToken, document =>
            this.langiumDocumentFactory.update(document, cancelToken),
        );
        await this.runCancelable(documents, DocumentState.IndexedContent, cancelToken, document =>
            this.indexManager.updateContent(document, cancelToken),
        );
        documents = [...documents, ...this.referringToNewNames(documents, options)];
        await super.buildDocuments(documents, options, cancelToken);
    }

    /** At start-up, builds the open documents and what they depend on first; returns what is left to build. */
    private async buildOpenFirst(
        documents: LangiumDocument[],
        options: BuildOptions,
        cancelToken: Cancellation.CancellationToken,
    ): Promise<LangiumDocument[]> {
        const isOpen = (document: LangiumDocument) => Boolean(this.textDocuments?.get(document.uri.toString()));
        // Files read at start-up and not parsed yet: other builds go in Langium's order.
        const unread = documents.some(document => !isOpen(document) && startupTextOf(this.workspaceManager(), document.uri) !== undefined);
        if (this.buildingOpenFirst || !unread) return documents;
        const split = openFirst(documents, this.langiumDocuments.all.toArray(), isOpen, document => this.textOf(document));
        if (!split) return documents;
        this.buildingOpenFirst = true;
        try {
            split.dependencies.forEach(document => this.validateWithRest.add(document));
            await this.buildDocuments(split.first, options, cancelToken);
        } finally {
            this.buildingOpenFirst = false;
            this.validateWithRest.clear();
        }
        const rest = documents.filter(document => document.state < DocumentState.Validated);
        // The global scope and the workspace facts were computed over part of the workspace.
        this.currentState = DocumentState.Changed;
        await this.emitUpdate(
            rest.map(document => document.uri),
            [],
        );
        return rest;
    }

    protected override shouldValidate(document: LangiumDocument): boolean {
        return !this.validateWithRest.has(document) && super.shouldValidate(document);
    }

    /** The text of a document as the build will read it: the editor's, the parsed one, or the one read at start-up. */
    private textOf(document: LangiumDocument): string | undefined {
        const open = this.textDocuments?.get(document.uri.toString());
        if (open) return open.getText();
        if (document.state >= DocumentState.Parsed) return document.parseResult.value.$cstNode?.root.fullText;
        return startupTextOf(this.workspaceManager(), document.uri);
    }

    /**
     * The documents outside the build that refer to a name one of its documents declares now and
     * did not before: reset to be linked again, in this build.
     */
    private referringToNewNames(documents: LangiumDocument[], options: BuildOptions): LangiumDocument[] {
        const added = new Set<string>();
        for (const document of documents) {
            const uri = document.uri.toString();
            const names = new Set(declarationsOf(document).map(declaration => declaration.name));
            const before = this.declaredNames.get(uri);
            for (const name of names) if (!before?.has(name)) added.add(name);
            this.declaredNames.set(uri, names);
        }
        if (added.size === 0) return [];
        const building = new Set(documents);
        const relink = this.langiumDocuments.all
            .filter(
                document =>
                    !building.has(document) &&
                    document.state >= DocumentState.Linked &&
                    document.references.some(reference => added.has(reference.$refText)),
            )
            .toArray();
        for (const document of relink) this.resetToState(document, DocumentState.ComputedScopes);
        this.prepareBuild(relink, options);
        return relink;
    }

    /** Whether a changed document is built, completely and not stale, from exactly the text the editor now has open. */
    private isBuiltFromOpenText(uri: URI): boolean {
        const document = this.langiumDocuments.getDocument(uri);
        const open = this.textDocuments?.get(uri.toString());
        return (
            document !== undefined &&
            open !== undefined &&
            document.state === DocumentState.Validated &&
            this.buildState.get(uri.toString())?.completed === true &&
            (this.validatedAt.get(uri.toString()) ?? 0) >= this.movedAt &&
            document.parseResult.value.$cstNode?.root.fullText === open.getText()
        );
    }

    /** The document takes the editor's text document (same text, the editor's version); its diagnostics are published again. */
    private async adoptOpenText(document: LangiumDocument, cancelToken: Cancellation.CancellationToken): Promise<void> {
        Object.defineProperty(document, 'textDocument', { value: this.textDocuments!.get(document.uri.toString()), configurable: true });
        await this.notifyDocumentPhase(document, DocumentState.Validated, cancelToken);
    }

    protected override async awaitDocumentState(state: DocumentState, uri: URI, cancelToken: Cancellation.CancellationToken): Promise<URI> {
        if (!this.langiumDocuments.hasDocument(uri) && this.textDocuments?.get(uri.toString())) {
            await this.documentAdded(uri, cancelToken);
        }
        return super.awaitDocumentState(state, uri, cancelToken);
    }

    /** Resolves once an open document that is not yet in the workspace has been added (and parsed). */
    private documentAdded(uri: URI, cancelToken: Cancellation.CancellationToken): Promise<void> {
        return new Promise((resolve, reject) => {
            const done = () => {
                listener.dispose();
                cancel.dispose();
            };
            const listener = this.onDocumentPhase(DocumentState.Parsed, document => {
                if (UriUtils.equals(document.uri, uri)) {
                    done();
                    resolve();
                }
            });
            const cancel = cancelToken.onCancellationRequested(() => {
                done();
                reject(OperationCancelled);
            });
        });
    }

    private staleDocuments(): LangiumDocument[] {
        return this.langiumDocuments.all
            .filter(
                document =>
                    document.state === DocumentState.Validated && (this.validatedAt.get(document.uri.toString()) ?? 0) < this.movedAt,
            )
            .toArray();
    }

    private hasStaleDocuments(): boolean {
        return this.staleDocuments().length > 0;
    }

    private async revalidateStale(cancelToken: Cancellation.CancellationToken): Promise<void> {
        const stale = this.staleDocuments();
        for (const document of stale) {
            this.resetToState(document, DocumentState.IndexedReferences);
        }
        await this.buildDocuments(stale, this.updateBuildOptions, cancelToken);
    }

    private signatureOf(document: LangiumDocument): string {
        const parts: string[] = [];
        const facts = (this.serviceRegistry.getServices(document.uri) as WorkflowServices).validation.WorkspaceFacts;
        for (const declaration of declarationsOf(document)) {
            const namesakes = declaration.name ? facts.topLevelNamed(declaration.name) : [];
            const line =
                namesakes.length > 1 ? `@${namesakes.find(namesake => namesake.node === declaration)?.nameSegment?.range.start.line}` : '';
            parts.push(`d:${declaration.name}${line}`);
        }
        parts.push(...[...facts.referenceTargets(document).foreign.keys()].sort());
        return parts.join('\n');
    }
}
