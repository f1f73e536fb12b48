/**
 * Indexing services tuned for large files.
 *
 * - Local symbols: Langium precomputes, for every container, the named nodes inside it, for its
 *   default scope provider. `WorkflowScopeProvider` builds its own maps on demand, so that pass
 *   (and its memory) is skipped.
 * - Reference descriptions (the index behind find-references, rename and relinking): built from
 *   the references the linker already collected, instead of walking the whole tree again and
 *   asking every node for its references. A reference that still has the target it had when its
 *   description was made keeps that description; after a keystroke inside one node, the last
 *   indexing's list is spliced as the linker spliced the references, so only that node's
 *   references (and those re-pointed to it) are looked at. The description's segment is read
 *   from the reference's token when asked for, so it follows the positions of a changed text.
 */
import type {
    AstNode,
    AstNodeDescription,
    AstNodeLocator,
    LangiumCoreServices,
    LangiumDocument,
    MultiReference,
    Reference,
    ReferenceDescription,
    URI,
} from 'langium';
import {
    Cancellation,
    CstUtils,
    DefaultReferenceDescriptionProvider,
    DefaultScopeComputation,
    interruptAndCheck,
    MultiMap,
    UriUtils,
} from 'langium';
import { spliceAfter } from '../langium-patches/node-replacement.js';

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

/** The descriptions of a document's references at its last indexing, one slot per reference of `references` (empty for one not described). */
interface Slots {
    readonly references: readonly object[];
    readonly slots: Array<ReferenceDescription | undefined>;
}

export class WorkflowReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    private readonly locator: AstNodeLocator;
    private readonly slotsOf = new WeakMap<LangiumDocument, Slots>();

    constructor(services: LangiumCoreServices) {
        super(services);
        this.locator = services.workspace.AstNodeLocator;
    }

    /**
     * After an incremental link (`langium-patches/batched-linker.ts`) the last indexing's slots
     * are spliced as the references were, and only the new node's references and those re-pointed
     * to it are described; otherwise every reference is (reusing what was made for it before).
     */
    override async createDescriptions(
        document: LangiumDocument,
        cancelToken = Cancellation.CancellationToken.None,
    ): Promise<ReferenceDescription[]> {
        const references = document.references;
        const last = this.slotsOf.get(document);
        this.slotsOf.delete(document);
        const splice = last && spliceAfter(references, last.references, last.slots.length);
        let slots: Array<ReferenceDescription | undefined>;
        if (last && splice) {
            const added: Array<ReferenceDescription | undefined> = [];
            for (let i = splice.at; i < splice.at + splice.added; i++) added.push(this.describe(references[i], document.uri));
            slots = last.slots.slice(0, splice.at).concat(added, last.slots.slice(splice.at + splice.removed));
            for (const i of splice.repointed) slots[i] = this.describe(references[i], document.uri);
        } else {
            slots = [];
            for (let i = 0; i < references.length; i++) {
                if ((i + 1) % 5000 === 0) {
                    await interruptAndCheck(cancelToken);
                }
                slots.push(this.describe(references[i], document.uri));
            }
        }
        this.slotsOf.set(document, { references, slots });
        const descriptions: ReferenceDescription[] = [];
        for (const description of slots) {
            if (description) descriptions.push(description);
        }
        return descriptions;
    }

    /** The description of a resolved reference; undefined for one without a target. */
    private describe(reference: Reference | MultiReference, sourceUri: URI): ReferenceDescription | undefined {
        const target = 'ref' in reference ? reference.$nodeDescription : undefined;
        if (!target || ('error' in reference && reference.error)) {
            return undefined;
        }
        // Kept on the reference itself: a look-up per reference in a map of tens of thousands costs more than the loop.
        // A reference keeps its token and node for life: one described before had both.
        const made = (reference as Described)[MADE];
        if (made?.target === target && made.description.sourceUri === sourceUri) {
            return made.description;
        }
        const container = reference.$refNode?.astNode;
        if (!container || reference.$refNode === undefined) {
            return undefined;
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
        return description;
    }
}
