/**
 * Indexing services tuned for large files.
 *
 * - Local symbols: Langium precomputes, for every container, the named nodes inside it, for its
 *   default scope provider. `WorkflowScopeProvider` builds its own maps on demand, so that pass
 *   (and its memory) is skipped.
 * - Reference descriptions (the index behind find-references, rename and relinking): built from
 *   the references the linker already collected, instead of walking the whole tree again and
 *   asking every node for its references. A reference that still has the target it had when its
 *   description was made keeps that description (after a keystroke, all but a few do); the
 *   description's segment is read from the reference's token when asked for, so it follows the
 *   positions of a changed text.
 */
import type { AstNode, AstNodeDescription, AstNodeLocator, LangiumCoreServices, LangiumDocument, ReferenceDescription } from 'langium';
import {
    Cancellation,
    CstUtils,
    DefaultReferenceDescriptionProvider,
    DefaultScopeComputation,
    interruptAndCheck,
    MultiMap,
    UriUtils,
} from 'langium';

export class WorkflowScopeComputation extends DefaultScopeComputation {
    override async collectLocalSymbols(): Promise<MultiMap<AstNode, AstNodeDescription>> {
        return new MultiMap();
    }
}

const MADE = Symbol('description');

/** A reference with the description made for it, and the target it was made for. */
interface Described {
    [MADE]?: { target: AstNodeDescription; description: ReferenceDescription };
}

export class WorkflowReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    private readonly locator: AstNodeLocator;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.locator = services.workspace.AstNodeLocator;
    }

    override async createDescriptions(
        document: LangiumDocument,
        cancelToken = Cancellation.CancellationToken.None,
    ): Promise<ReferenceDescription[]> {
        const descriptions: ReferenceDescription[] = [];
        const sourceUri = document.uri;
        let count = 0;
        for (const reference of document.references) {
            if (++count % 5000 === 0) {
                await interruptAndCheck(cancelToken);
            }
            const target = 'ref' in reference ? reference.$nodeDescription : undefined;
            if (!target || ('error' in reference && reference.error)) {
                continue;
            }
            // Kept on the reference itself: a look-up per reference in a map of tens of thousands costs more than the loop.
            // A reference keeps its token and node for life: one described before had both.
            const made = (reference as Described)[MADE];
            if (made?.target === target && made.description.sourceUri === sourceUri) {
                descriptions.push(made.description);
                continue;
            }
            const container = reference.$refNode?.astNode;
            if (!container || reference.$refNode === undefined) {
                continue;
            }
            const refNode = reference.$refNode;
            const description: ReferenceDescription = {
                sourceUri,
                sourcePath: this.locator.getAstNodePath(container),
                targetUri: target.documentUri,
                targetPath: target.path,
                get segment() {
                    return CstUtils.toDocumentSegment(refNode);
                },
                local: UriUtils.equals(target.documentUri, sourceUri),
            };
            (reference as Described)[MADE] = { target, description };
            descriptions.push(description);
        }
        return descriptions;
    }
}
