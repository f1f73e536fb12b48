/**
 * What the incremental re-parse replaced in a document, for the build phases after it.
 *
 * `incremental-parser.ts` swaps one step, decision or end of a workflow for a freshly parsed one
 * and leaves everything else of the AST as it was (the same objects). Linking
 * (`batched-linker.ts`), the reference index (`references/workflow-indexing.ts`) and validation
 * (`validation/workflow-document-validator.ts`) can then redo only the work that depends on
 * that node. The record lives from the re-parse until the document is linked; the linker turns
 * it into an `IncrementalBuild` when it could keep the rest of the document's links, which
 * validation reads and clears.
 */
import type { LangiumDocument } from 'langium';
import { CstUtils, GrammarUtils } from 'langium';
import type { Model, Node, Workflow } from '../generated/ast.js';
import { isWorkflow } from '../generated/ast.js';

export interface NodeReplacement {
    readonly old: Node;
    readonly fresh: Node;
    /** `flowText(old)`, taken while the old node's tokens still read the old text. */
    readonly oldFlow: string;
}

/** A build in which only `fresh` (and the nodes listed in `dependents`) needs its results computed again. */
export interface IncrementalBuild {
    readonly fresh: Node;
    /** Nodes of the same workflow with a transition to the replaced node. */
    readonly dependents: ReadonlySet<Node>;
    /** The number of the link before this one (`countLink`): results computed then are the ones to update. */
    readonly previousLink: number;
}

/**
 * A document's references after an incremental link: `previous` (the list of the link before) with
 * `removed` entries from `at` on (the old node's) replaced by `added` (the new node's); the
 * entries at `repointed` (indexes into the new list) are kept references whose target changed
 * from the old node to the new one.
 */
export interface ReferenceSplice {
    readonly previous: readonly object[];
    /** The old node, which the `repointed` references targeted before. */
    readonly replaced: Node;
    readonly at: number;
    readonly removed: number;
    readonly added: number;
    readonly repointed: readonly number[];
}

/** Replacements since the document was last linked; more than one, or a full parse in between, means no shortcut. */
const replacements = new WeakMap<LangiumDocument, NodeReplacement[]>();
const builds = new WeakMap<LangiumDocument, IncrementalBuild>();
const links = new WeakMap<LangiumDocument, number>();

/** Counts a link of the document; returns the number of the one before. */
export function countLink(document: LangiumDocument): number {
    const previous = links.get(document) ?? 0;
    links.set(document, previous + 1);
    return previous;
}

/** The number of the document's latest link. */
export function currentLink(document: LangiumDocument): number {
    return links.get(document) ?? 0;
}

/**
 * A number for what the flow of each workflow was computed from: renewed for every workflow of a
 * document linked whole, or when the replaced node differs from the old one in more than its
 * title, comments and layout. Analyses of the flow (`analysis/flow-memo.ts`) are kept while it
 * stays the same. A series of keystrokes in one node that brings its flow back to where it was
 * (a typo typed and deleted) brings the numbers back too.
 */
const flowVersions = new WeakMap<Workflow, number>();
let flowCount = 0;

/** The flows before the node at `node` (workflow index/node index) first changed, while only that node changes. */
interface Anchor {
    readonly node: string;
    readonly flow: string;
    readonly versions: ReadonlyMap<Workflow, number>;
}
const anchors = new WeakMap<LangiumDocument, Anchor>();

export function flowVersion(workflow: Workflow): number {
    return flowVersions.get(workflow) ?? 0;
}

/** Whether the flow version is one a later keystroke may come back to (kept by `flow-memo.ts`). */
export function isAnchored(workflow: Workflow, version: number): boolean {
    const document = (workflow.$container as { $document?: LangiumDocument }).$document;
    return document !== undefined && anchors.get(document)?.versions.get(workflow) === version;
}

function workflowsOf(document: LangiumDocument): Workflow[] {
    return (document.parseResult.value as Model).declarations.filter(isWorkflow);
}

/** The document was linked whole: every flow is new. */
export function renewFlows(document: LangiumDocument): void {
    anchors.delete(document);
    for (const workflow of workflowsOf(document)) flowVersions.set(workflow, ++flowCount);
}

/** A replaced node's flow text went from `before` to `after` (different). */
export function flowReplaced(document: LangiumDocument, fresh: Node, before: string, after: string): void {
    const node = `${fresh.$container.$containerIndex}/${fresh.$containerIndex}`;
    let anchor = anchors.get(document);
    if (anchor?.node !== node) {
        anchor = { node, flow: before, versions: new Map(workflowsOf(document).map(workflow => [workflow, flowVersion(workflow)])) };
        anchors.set(document, anchor);
    }
    for (const workflow of workflowsOf(document)) {
        flowVersions.set(workflow, after === anchor.flow ? (anchor.versions.get(workflow) ?? ++flowCount) : ++flowCount);
    }
}

/**
 * What of a node the flow depends on: its tokens but the title, comments and white space.
 * Equal for the old and the new node, the flow of the workflow has not changed.
 */
export function flowText(node: Node): string {
    const cst = node.$cstNode;
    if (!cst) return '';
    const title = GrammarUtils.findNodeForProperty(cst, 'title');
    const parts: string[] = [node.$type];
    for (const leaf of CstUtils.flattenCst(cst)) {
        if (!leaf.hidden && leaf !== title) parts.push(leaf.text);
    }
    return parts.join('\u0000');
}

/** How often a workflow's nodes were replaced in place: what was computed from them before is stale. */
const versions = new WeakMap<Workflow, number>();

export function nodesVersion(workflow: Workflow): number {
    return versions.get(workflow) ?? 0;
}

export function recordReplacement(document: LangiumDocument, replacement: NodeReplacement): void {
    const workflow = replacement.fresh.$container;
    versions.set(workflow, nodesVersion(workflow) + 1);
    const list = replacements.get(document);
    if (list) list.push(replacement);
    else replacements.set(document, [replacement]);
    builds.delete(document);
}

/** A whole-file parse: nothing of the previous build can be kept. */
export function recordFullParse(document: LangiumDocument): void {
    replacements.set(document, []);
    builds.delete(document);
}

/** The one replacement since the last link, if the document was re-parsed that way alone; forgets it. */
export function takeReplacement(document: LangiumDocument): NodeReplacement | undefined {
    const list = replacements.get(document);
    replacements.delete(document);
    return list?.length === 1 ? list[0] : undefined;
}

export function recordIncrementalBuild(document: LangiumDocument, build: IncrementalBuild | undefined): void {
    if (build) builds.set(document, build);
    else builds.delete(document);
}

/** How each list of references an incremental link made came from the list before. */
const splices = new WeakMap<readonly object[], ReferenceSplice>();

export function recordSplice(references: readonly object[], splice: ReferenceSplice): void {
    // Only the latest step is kept: the list before keeps no splice of its own, or every
    // keystroke's list and replaced node would stay reachable through the chain.
    splices.delete(splice.previous);
    splices.set(references, splice);
}

/** How `references` (a document's list) came from the list before, when an incremental link made it. */
export function spliceOf(references: readonly object[]): ReferenceSplice | undefined {
    return splices.get(references);
}

/**
 * The splice that made `references` from `last`, the list a consumer looked at when it had
 * `length` entries; undefined when the list came otherwise or `last` grew since (Langium pushes a
 * reference resolved late onto the list): the consumer then starts over from the whole list.
 */
export function spliceAfter(references: readonly object[], last: readonly object[], length: number): ReferenceSplice | undefined {
    const splice = splices.get(references);
    return splice && splice.previous === last && last.length === length ? splice : undefined;
}

/** The incremental build validation may rely on; forgets it. */
export function takeIncrementalBuild(document: LangiumDocument): IncrementalBuild | undefined {
    const build = builds.get(document);
    builds.delete(document);
    return build;
}
