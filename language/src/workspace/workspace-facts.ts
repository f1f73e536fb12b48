/**
 * Facts about the whole workspace that validation needs and that are expensive to recompute per
 * declaration: every top-level declaration by name, and every declaration something refers to.
 * Both are computed once per workspace state (a `WorkspaceCache`), so checking N declarations
 * stays linear.
 */
import type { AstNode, AstNodeDescription, IndexManager, LangiumDocuments, LangiumSharedCoreServices, URI } from 'langium';
import { WorkspaceCache } from 'langium';
import type { WorkflowRcStore } from './workflow-rc-store.js';
import { workflowRcOf } from './workflow-rc-store.js';

export class WorkspaceFacts {
    private readonly documents: LangiumDocuments;
    private readonly index: IndexManager;
    private readonly byNameCache: WorkspaceCache<'all', Map<string, AstNodeDescription[]>>;
    private readonly referencedCache: WorkspaceCache<'all', Set<AstNode>>;
    private readonly rc: WorkflowRcStore;

    constructor(shared: LangiumSharedCoreServices) {
        this.rc = workflowRcOf(shared);
        this.documents = shared.workspace.LangiumDocuments;
        this.index = shared.workspace.IndexManager;
        this.byNameCache = new WorkspaceCache(shared);
        this.referencedCache = new WorkspaceCache(shared);
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
        return this.referencedNodes().has(node);
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

    private referencedNodes(): Set<AstNode> {
        return this.referencedCache.get('all', () => {
            const targets = new Set<AstNode>();
            for (const document of this.documents.all) {
                for (const reference of document.references) {
                    const target = 'ref' in reference ? reference.ref : undefined;
                    if (target) targets.add(target);
                }
            }
            return targets;
        });
    }
}
