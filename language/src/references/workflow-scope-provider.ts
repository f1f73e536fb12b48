/**
 * Scoping for the workflow language, linear in the size of a file.
 *
 * Langium's default provider walks every container of a reference and filters its local
 * symbols by type, which is a linear search per reference: one workflow of 20,000 steps then
 * takes tens of seconds to link. Here each kind of reference goes straight to one map:
 * - `next`/`->` targets: the nodes of the enclosing workflow (one map per workflow);
 * - the member part of `Team.Member`: the members of the referenced team (one map per team);
 * - `person … as Role`: the roles of the person's own team;
 * - teams, systems and workflows: the workspace-wide index (Langium's cached global scope), in
 *   the order of the files' URIs, so that of two namesakes the same one wins whatever order the
 *   files were loaded or edited in (a live server and a fresh one link alike).
 * The per-document maps live in `DocumentCache`s, so they are rebuilt only when their file changes.
 * A document the configuration ignores (open in the editor all the same) sees only its own
 * top-level names: it is checked alone.
 */
import type { AstNode, AstNodeDescription, DocumentSegment, LangiumDocument, ReferenceInfo, Scope } from 'langium';
import { AstUtils, CstUtils, DefaultScopeProvider, GrammarUtils, DocumentCache, EMPTY_SCOPE, MapScope, MultiMapScope } from 'langium';
import type { LangiumServices } from 'langium/lsp';
import type { Node, Team, Workflow } from '../generated/ast.js';
import { isOwnerRef, isPerson, isRole, isTransition, isWorkflow } from '../generated/ast.js';
import type { WorkflowRcStore } from '../workspace/workflow-rc-store.js';
import { workflowRcOf } from '../workspace/workflow-rc-store.js';
import { nodesVersion } from '../langium-patches/node-replacement.js';
import { positionsStamp } from '../langium-patches/lazy-positions.js';

export class WorkflowScopeProvider extends DefaultScopeProvider {
    private readonly containerScopes: DocumentCache<string, Scope>;
    private readonly rc: WorkflowRcStore;
    private readonly nodeScopes = new WeakMap<Workflow, NodeScope>();

    constructor(services: LangiumServices) {
        super(services);
        this.containerScopes = new DocumentCache(services.shared);
        this.rc = workflowRcOf(services.shared);
    }

    override getScope(context: ReferenceInfo): Scope {
        const container = context.container;
        if (isTransition(container) && context.property === 'target') {
            const workflow = AstUtils.getContainerOfType(container, isWorkflow);
            return workflow ? this.nodeScope(workflow).scope : EMPTY_SCOPE;
        }
        if (isOwnerRef(container) && context.property === 'member') {
            const team = container.team?.ref;
            return team ? this.childScope(team, 'members') : EMPTY_SCOPE;
        }
        if (isPerson(container) && context.property === 'role') {
            return this.childScope(container.$container, 'roles');
        }
        const referenceType = this.reflection.getReferenceType(context);
        const document = AstUtils.getDocument(container);
        if (this.rc.ignoresAnything && this.rc.isIgnored(document.uri)) {
            return new MultiMapScope(this.indexManager.allElements(referenceType, new Set([document.uri.toString()])).toArray());
        }
        return this.getGlobalScope(referenceType);
    }

    protected override getGlobalScope(referenceType: string): Scope {
        return this.globalScopeCache.get(referenceType, () => {
            const byUri = new Map<string, AstNodeDescription[]>();
            for (const description of this.indexManager.allElements(referenceType)) {
                const key = description.documentUri.toString();
                const list = byUri.get(key);
                if (list) list.push(description);
                else byUri.set(key, [description]);
            }
            const ordered = [...byUri.keys()].sort().flatMap(key => byUri.get(key)!);
            return new MultiMapScope(ordered);
        });
    }

    /**
     * The named nodes of a workflow, first of each name. Kept with the workflow object, so a
     * keystroke that replaces one node in place (`langium-patches/node-replacement.ts`) does not
     * describe the thousands of others again: the linker hands the replacement to `nodeReplaced`,
     * and any other replacement makes the scope stale. The descriptions' segments are read from
     * the nodes when asked for, so they follow the positions of a changed text.
     */
    private nodeScope(workflow: Workflow): NodeScope {
        const version = nodesVersion(workflow);
        let cached = this.nodeScopes.get(workflow);
        if (!cached || cached.version !== version) {
            const document = AstUtils.getDocument(workflow);
            const named = workflow.nodes.filter(child => child.name);
            const scope = new MapScope(firstByName(named.map(node => liveDescription(node, document))));
            cached = { version, scope, byName: scope.elements };
            this.nodeScopes.set(workflow, cached);
        }
        return cached;
    }

    /**
     * The linker replaced `old` with `fresh` (same name) in the scope it had before the
     * replacement. Returns the description of `fresh` when it is the one its name now resolves to.
     */
    nodeReplaced(old: Node, fresh: Node, document: LangiumDocument): AstNodeDescription | undefined {
        const workflow = fresh.$container;
        const cached = this.nodeScopes.get(workflow);
        if (!cached || cached.version !== nodesVersion(workflow) - 1) {
            this.nodeScopes.delete(workflow);
            const description = this.nodeScope(workflow).byName.get(fresh.name);
            return description?.node === fresh ? description : undefined;
        }
        cached.version = nodesVersion(workflow);
        const current = cached.byName.get(fresh.name);
        if (current?.node !== old) return undefined;
        const description = liveDescription(fresh, document);
        cached.byName.set(fresh.name, description);
        return description;
    }

    /** A map scope of the named children of a team, cached with its document. */
    private childScope(owner: Team, kind: 'members' | 'roles'): Scope {
        const document = AstUtils.getDocument(owner);
        // Teams and workflows are top-level declarations: their index names them within the file.
        const key = `${kind}:${owner.$containerIndex}`;
        return this.containerScopes.get(document.uri, key, () => {
            const children: AstNode[] = kind === 'roles' ? owner.members.filter(isRole) : owner.members;
            // A declaration the parser could not name is not a link target.
            const named = children.filter(child => (child as { name?: string }).name);
            return new MapScope(firstByName(named.map(child => this.describe(child, document))));
        });
    }

    private describe(node: AstNode & { name?: string }, document: LangiumDocument): AstNodeDescription {
        return this.descriptions.createDescription(node, node.name ?? '', document);
    }
}

/** A description that tells where its node starts, cheaper to ask than its whole segment. */
export interface DescriptionWithStart extends AstNodeDescription {
    readonly startOffset: number | undefined;
}

interface NodeScope {
    version: number;
    readonly scope: Scope;
    /** The scope's own map, updated in place when a node is replaced. */
    readonly byName: Map<string, AstNodeDescription>;
}

/**
 * Like Langium's descriptions, but the segments are computed from the node again once positions
 * have moved (`positionsStamp`): they stay true after a keystroke shifted the text, and cost a
 * property read while nothing moved (completion ranks thousands of them by position).
 */
function liveDescription(node: Node, document: LangiumDocument): DescriptionWithStart {
    let stamp = -1;
    let name: DocumentSegment | undefined;
    let selection: DocumentSegment | undefined;
    let start: number | undefined;
    const refresh = () => {
        if (stamp === positionsStamp()) return;
        stamp = positionsStamp();
        name = undefined;
        selection = undefined;
        start = undefined;
    };
    return {
        node,
        name: node.name,
        type: node.$type,
        documentUri: document.uri,
        path: `/declarations@${node.$container.$containerIndex}/nodes@${node.$containerIndex}`,
        get nameSegment() {
            refresh();
            return (name ??= CstUtils.toDocumentSegment(GrammarUtils.findNodeForProperty(node.$cstNode, 'name') ?? node.$cstNode));
        },
        get selectionSegment() {
            refresh();
            return (selection ??= CstUtils.toDocumentSegment(node.$cstNode));
        },
        get startOffset() {
            refresh();
            return (start ??= node.$cstNode?.offset);
        },
    };
}

/** Keeps the first of several same-named descriptions, so a duplicate never hijacks a link. */
function firstByName(descriptions: AstNodeDescription[]): AstNodeDescription[] {
    const seen = new Set<string>();
    return descriptions.filter(description => {
        if (seen.has(description.name)) {
            return false;
        }
        seen.add(description.name);
        return true;
    });
}
