/**
 * Facts about the whole workspace that validation needs and that are expensive to recompute per
 * declaration: every top-level declaration by name (computed once per workspace state, a
 * `WorkspaceCache`), and what each document's references resolve to (`reference-targets.ts`,
 * kept per document and brought up to date by a keystroke's splice), so checking N
 * declarations stays linear.
 */
import type { AstNode, AstNodeDescription, IndexManager, LangiumDocument, LangiumDocuments, LangiumSharedCoreServices, URI } from 'langium';
import { WorkspaceCache } from 'langium';
import type { WorkflowRcStore } from './workflow-rc-store.js';
import { workflowRcOf } from './workflow-rc-store.js';
import type { Targets } from './reference-targets.js';
import { ReferenceTargets } from './reference-targets.js';

export class WorkspaceFacts {
    private readonly documents: LangiumDocuments;
    private readonly index: IndexManager;
    private readonly byNameCache: WorkspaceCache<'all', Map<string, AstNodeDescription[]>>;
    private readonly targets: ReferenceTargets;
    private readonly rc: WorkflowRcStore;

    constructor(shared: LangiumSharedCoreServices) {
        this.rc = workflowRcOf(shared);
        this.documents = shared.workspace.LangiumDocuments;
        this.index = shared.workspace.IndexManager;
        this.byNameCache = new WorkspaceCache(shared);
        this.targets = new ReferenceTargets(shared.ServiceRegistry);
    }

    /**
     * All teams, systems and workflows of the workspace with the given name (one namespace). Seen
     * from a document the configuration ignores (checked alone), only that document's own.
     */
    topLevelNamed(name: string, seenFrom?: URI): AstNodeDescription[] {
        if (seenFrom && this.rc.isIgnored(seenFrom)) {
            return this.index
                .allElements(undefined, new Set([seenFrom.toString()]))
                .filter(d => d.name === name)
                .toArray();
        }
        return this.topLevelByName().get(name) ?? [];
    }

    /** Whether any reference anywhere in the workspace resolves to the node. */
    isReferenced(node: AstNode): boolean {
        for (const document of this.documents.all) {
            if (this.targets.of(document).all.has(node)) return true;
        }
        return false;
    }

    /** What the document's references resolve to, counted. */
    referenceTargets(document: LangiumDocument): Targets {
        return this.targets.of(document);
    }

    private topLevelByName(): Map<string, AstNodeDescription[]> {
        return this.byNameCache.get('all', () => {
            const byName = new Map<string, AstNodeDescription[]>();
            // In the order of the files' URIs, like the global scope: messages that list namesakes
            // list them alike however the workspace was loaded.
            const descriptions = this.index.allElements().toArray();
            const uris = new Map(descriptions.map(d => [d, d.documentUri.toString()]));
            descriptions.sort((a, b) => (uris.get(a)! < uris.get(b)! ? -1 : uris.get(a)! > uris.get(b)! ? 1 : 0));
            for (const description of descriptions) {
                const list = byName.get(description.name);
                if (list) list.push(description);
                else byName.set(description.name, [description]);
            }
            return byName;
        });
    }
}
