/**
 * Patch of Langium 4.4.0 `DefaultLinker.link` (a copy of its loop, without the profiler branch)
 * and `DefaultLinker.unlink` (which writes the private `_ref` and `_nodeDescription` fields of
 * `DefaultReferenceImpl`).
 *
 * Langium's linker streams the AST through generators and awaits `interruptAndCheck` after every
 * node; on a 20,000-step file those awaits and generator frames cost more than the linking. This
 * one collects the nodes with plain loops (`model/ast-walk.ts`) and yields to pending requests
 * every few thousand nodes, which keeps cancellation responsive. `doLink` is Langium's own.
 *
 * After a keystroke inside one node (`node-replacement.ts`), when that node kept its name and
 * nothing else of the workspace changed, the rest of the document's links are kept: `unlink`
 * only sets the references aside, and `link` puts them back, re-points those that targeted the
 * replaced node to the new one, and links the new node's references alone. In every other case
 * the references set aside are cleared as Langium clears them, and the whole document is linked.
 */
import type { AstNode, LangiumCoreServices, LangiumDocument, MultiReference, Reference } from 'langium';
import { Cancellation, DefaultLinker, DocumentState, interruptAndCheck } from 'langium';
import type { Node } from '../generated/ast.js';
import { forEachReference, walkAst } from '../model/ast-walk.js';
import type { WorkflowScopeProvider } from '../references/workflow-scope-provider.js';
import type { IncrementalBuild, NodeReplacement } from './node-replacement.js';
import {
    countLink,
    flowReplaced,
    flowText,
    recordIncrementalBuild,
    recordSplice,
    renewFlows,
    takeReplacement,
} from './node-replacement.js';

const NODES_BETWEEN_YIELDS = 2000;

/** The private fields of Langium's `DefaultReferenceImpl` that `unlink` clears. */
interface LinkedReference extends Reference {
    _ref?: unknown;
    _nodeDescription?: unknown;
}

/** The references of a document set aside by `unlink`; complete when they were all of a linked document. */
type AnyReference = Reference | MultiReference;

interface SetAside {
    readonly references: AnyReference[];
    readonly complete: boolean;
}

export class BatchedLinker extends DefaultLinker {
    private readonly shared: LangiumCoreServices['shared'];
    private readonly setAside = new WeakMap<LangiumDocument, SetAside>();
    /** The one document the last workspace update changed (none deleted), if so. */
    private onlyChanged: string | undefined;
    private listening = false;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.shared = services.shared;
    }

    override unlink(document: LangiumDocument): void {
        this.listen();
        const previous = this.setAside.get(document);
        this.setAside.set(document, {
            references: previous ? previous.references.concat(document.references) : document.references,
            complete: !previous && document.state >= DocumentState.Linked,
        });
        document.references = [];
    }

    override async link(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        const aside = this.setAside.get(document);
        this.setAside.delete(document);
        const replacement = takeReplacement(document);
        const previousLink = countLink(document);
        const build =
            aside?.complete && replacement && this.onlyChanged === document.uri.toString()
                ? this.linkIncrementally(document, aside.references, replacement, previousLink)
                : undefined;
        recordIncrementalBuild(document, build);
        if (build) {
            return;
        }
        if (aside) clearLinks(aside.references);
        renewFlows(document);
        const nodes: AstNode[] = [];
        walkAst(document.parseResult.value, node => {
            nodes.push(node);
        });
        for (let i = 0; i < nodes.length; i++) {
            if (i % NODES_BETWEEN_YIELDS === 0) {
                await interruptAndCheck(cancelToken);
            }
            forEachReference(nodes[i], info => this.doLink(info, document));
        }
        // Also after: an analysis asked for between two yields saw a half-linked flow.
        renewFlows(document);
    }

    /** Starts following workspace updates, once the workspace exists (not while services are created). */
    private listen(): void {
        if (this.listening) return;
        this.listening = true;
        this.shared.workspace.DocumentBuilder.onUpdate((changed, deleted) => {
            this.onlyChanged = changed.length === 1 && deleted.length === 0 ? changed[0].toString() : undefined;
        });
    }

    /**
     * Keeps the links outside the replaced node, in the list's order around the new node's, when
     * the new node has the old one's name (so no other reference resolves differently). The old
     * node's references are one run of the list; the new node's take their place, found by
     * identity, so no reference's position is read (reading one applies the edit's shift to its
     * token).
     */
    private linkIncrementally(
        document: LangiumDocument,
        references: AnyReference[],
        { old, fresh, oldFlow }: NodeReplacement,
        previousLink: number,
    ): IncrementalBuild | undefined {
        if (!old.name || old.name !== fresh.name || !fresh.$cstNode) {
            clearLinks(references);
            return undefined;
        }
        const inOld = referencesOf(old);
        const at = runStart(references, inOld, fresh);
        if (at === undefined) {
            clearLinks(references);
            return undefined;
        }
        const description = (this.scopeProvider as WorkflowScopeProvider).nodeReplaced(old, fresh, document);
        const dependents = new Set<Node>();
        const repointedBefore: number[] = [];
        for (let i = 0; i < references.length; i++) {
            const reference = references[i] as LinkedReference;
            if (reference._ref !== old || (i >= at && i < at + inOld.length)) {
                continue;
            }
            reference._ref = fresh;
            reference._nodeDescription = description;
            const source = workNodeOf(reference.$refNode?.astNode);
            if (source) dependents.add(source);
            repointedBefore.push(i);
        }
        // `doLink` lists only the references it resolves; one resolved before (reading `ref` does)
        // would be missing, so the new node's references are listed by walking it.
        document.references = [];
        const added: AnyReference[] = [];
        walkAst(fresh, node =>
            forEachReference(node, info => {
                this.doLink(info, document);
                added.push(info.reference);
            }),
        );
        document.references = references.slice(0, at).concat(added, references.slice(at + inOld.length));
        const moved = added.length - inOld.length;
        const repointed = repointedBefore.map(i => (i < at ? i : i + moved));
        const freshFlow = flowText(fresh);
        if (oldFlow !== freshFlow) flowReplaced(document, fresh, oldFlow, freshFlow);
        recordSplice(document.references, {
            previous: references,
            replaced: old,
            at,
            removed: inOld.length,
            added: added.length,
            repointed,
        });
        return { fresh, dependents, previousLink };
    }
}

/**
 * Where the old node's references (`inOld`, in the list's order) stand in the document's list, or
 * undefined when they are not one run of it. The list follows the walk of the tree, each node's
 * references one after the other in the order of the workflow's nodes: a node without references
 * sits after the last reference of the nearest node before it that has some, or before the first
 * of the nearest after it.
 */
function runStart(references: AnyReference[], inOld: AnyReference[], fresh: Node): number | undefined {
    if (inOld.length > 0) {
        const at = references.indexOf(inOld[0]);
        if (at < 0) return undefined;
        for (let k = 1; k < inOld.length; k++) {
            if (references[at + k] !== inOld[k]) return undefined;
        }
        return at;
    }
    const nodes = fresh.$container.nodes;
    const index = fresh.$containerIndex ?? -1;
    for (let i = index - 1; i >= 0; i--) {
        const before = referencesOf(nodes[i]);
        if (before.length > 0) {
            const at = references.indexOf(before[before.length - 1]);
            return at < 0 ? undefined : at + 1;
        }
    }
    for (let i = index + 1; i < nodes.length; i++) {
        const after = referencesOf(nodes[i]);
        if (after.length > 0) {
            const at = references.indexOf(after[0]);
            return at < 0 ? undefined : at;
        }
    }
    return undefined;
}

/** The references in a node's tree, in the order the linker's walk meets them. */
function referencesOf(node: AstNode): AnyReference[] {
    const found: AnyReference[] = [];
    walkAst(node, inner => forEachReference(inner, info => found.push(info.reference)));
    return found;
}

/** Langium's `unlink`: the references resolve again when next linked. */
function clearLinks(references: AnyReference[]): void {
    for (const reference of references as LinkedReference[]) {
        if ('_ref' in reference) {
            reference._ref = undefined;
            delete reference._nodeDescription;
        }
    }
}

/** The step, decision or end a transition belongs to. */
function workNodeOf(node: AstNode | undefined): Node | undefined {
    let at = node;
    while (at?.$container && at.$container.$type !== 'Workflow') at = at.$container;
    return at?.$container ? (at as Node) : undefined;
}
