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
 */
import type { LangiumDocument, URI } from 'langium';
import { AstUtils, Cancellation, DefaultDocumentBuilder, DocumentState, OperationCancelled, UriUtils } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { WorkflowServices } from '../workflow-module.js';
import { declarationsOf } from './workspace-queries.js';

export class WorkflowDocumentBuilder extends DefaultDocumentBuilder {
    private readonly signatures = new Map<string, string>();
    /** When each document was last validated, counted in validations. */
    private readonly validatedAt = new Map<string, number>();
    private validations = 0;
    /**
     * When a signature last moved (or a document was deleted): every document validated before
     * then may show stale findings. Kept across updates, so an update cancelled after a file's
     * signature moved still has the others revalidated by the next one.
     */
    private movedAt = 0;

    constructor(services: LangiumSharedServices) {
        super(services);
        this.onDocumentPhase(DocumentState.Validated, document => {
            const uri = document.uri.toString();
            const signature = this.signatureOf(document);
            this.validations++;
            if (this.signatures.has(uri) ? this.signatures.get(uri) !== signature : this.validatedAt.size > 0) {
                this.movedAt = this.validations;
            }
            this.signatures.set(uri, signature);
            this.validatedAt.set(uri, this.validations);
        });
    }

    override async update(changed: URI[], deleted: URI[], cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        for (const uri of deleted) {
            this.signatures.delete(uri.toString());
            this.validatedAt.delete(uri.toString());
            this.movedAt = this.validations + 1;
        }
        await super.update(changed, deleted, cancelToken);
        // Revalidating may move signatures again (a name that became duplicated now cites a line):
        // repeat until nothing moved, a few rounds at most.
        for (let round = 0; round < 3 && this.hasStaleDocuments(); round++) {
            await this.revalidateStale(cancelToken);
        }
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
        const self = document.uri.toString();
        const parts: string[] = [];
        const facts = (this.serviceRegistry.getServices(document.uri) as WorkflowServices).validation.WorkspaceFacts;
        for (const declaration of declarationsOf(document)) {
            const namesakes = declaration.name ? facts.topLevelNamed(declaration.name) : [];
            const line =
                namesakes.length > 1 ? `@${namesakes.find(namesake => namesake.node === declaration)?.nameSegment?.range.start.line}` : '';
            parts.push(`d:${declaration.name}${line}`);
        }
        const targets = new Set<string>();
        for (const reference of document.references) {
            const target = 'ref' in reference ? reference.ref : undefined;
            if (target) {
                const targetDocument = AstUtils.getDocument(target);
                if (targetDocument.uri.toString() !== self) {
                    const locator = this.serviceRegistry.getServices(targetDocument.uri).workspace.AstNodeLocator;
                    targets.add(`${targetDocument.uri.toString()}#${locator.getAstNodePath(target)}`);
                }
            }
        }
        parts.push(...[...targets].sort());
        return parts.join('\n');
    }
}
