/**
 * Read-only questions about the AST that validators, completion and the command line share:
 * who owns a node, which transitions leave it, what it takes.
 */
import type { Decision, Node, OwnerRef, Step, Team, Transition, Workflow } from '../generated/ast.js';
import { isDecision, isEnd, isStep } from '../generated/ast.js';
import type { Estimate } from './estimate.js';
import { mostLikelyMinutes, readEstimate } from './estimate.js';

/** A step or a decision: the nodes that have an owner and outgoing transitions. */
export type WorkNode = Step | Decision;

export function isWorkNode(node: Node): node is WorkNode {
    return isStep(node) || isDecision(node);
}

/** The transitions that leave a node, in source order (`next` targets or branches). */
export function outgoingTransitions(node: Node): Transition[] {
    if (isStep(node)) {
        return node.nexts.flatMap(next => next.transitions);
    }
    if (isDecision(node)) {
        // A branch still being typed may have no transition yet.
        return node.branches.flatMap(branch => (branch.transition ? [branch.transition] : []));
    }
    return [];
}

/** The first `owner` of a declaration that has owner clauses; later ones are `duplicate-owner`. */
export function ownerOf(declaration: { owners: Array<{ owner?: OwnerRef }> }): OwnerRef | undefined {
    return declaration.owners[0]?.owner;
}

/** The team accountable for a node: the team part of its owner, `undefined` for ends or unresolved owners. */
export function owningTeam(node: Node): Team | undefined {
    if (isEnd(node)) {
        return undefined;
    }
    return ownerOf(node)?.team?.ref;
}

/** The owner as written: `Team`, `Team.Role` or `Team.person`. */
export function ownerText(owner: OwnerRef | undefined): string {
    if (!owner) {
        return '(no owner)';
    }
    const team = owner.team?.$refText ?? '';
    return owner.member ? `${team}.${owner.member.$refText}` : team;
}

/** The owner of a declaration as written, or `undefined` when it has none. */
export function ownerTextOf(declaration: { owners: Array<{ owner?: OwnerRef }> }): string | undefined {
    const owner = ownerOf(declaration);
    return owner ? ownerText(owner) : undefined;
}

/** The estimate of a node's first `duration`; `undefined` for ends and nodes without a valid one. */
export function nodeEstimate(node: Node): Estimate | undefined {
    return isEnd(node) ? undefined : readEstimate(node.durations[0]);
}

/**
 * Minutes a node takes in the deterministic figures: its first `duration`, a range counted as
 * its most likely value; 0 when it has none (ends always take 0).
 */
export function nodeMinutes(node: Node): number {
    const estimate = nodeEstimate(node);
    return estimate ? mostLikelyMinutes(estimate) : 0;
}

/** The first node of a workflow is where it starts (one the parser could not name does not count). */
export function startNode(workflow: Workflow): Node | undefined {
    return workflow.nodes.find(node => node.name);
}

/**
 * The last node of a workflow whose text starts before an offset: a binary search, since nodes are
 * in text order. `undefined` when there is none, or when a node without text is met.
 */
export function lastNodeStartingBefore(workflow: Workflow, offset: number): Node | undefined {
    const nodes = workflow.nodes;
    let low = 0;
    let high = nodes.length - 1;
    let found: Node | undefined;
    while (low <= high) {
        const middle = (low + high) >> 1;
        const cst = nodes[middle].$cstNode;
        if (!cst) return undefined;
        if (cst.offset < offset) {
            found = nodes[middle];
            low = middle + 1;
        } else {
            high = middle - 1;
        }
    }
    return found;
}

/** Index of the named nodes of a workflow by name (first declaration wins, like linking). */
export function nodesByName(workflow: Workflow): Map<string, Node> {
    const byName = new Map<string, Node>();
    for (const node of workflow.nodes) {
        if (node.name && !byName.has(node.name)) {
            byName.set(node.name, node);
        }
    }
    return byName;
}

/** The two teams of a transition that hands work from one team to another, else `undefined`. */
export function handoffTeams(transition: Transition): { from: Team; to: Team } | undefined {
    const source = transition.$container.$container;
    const target = transition.target?.ref;
    const from = owningTeam(source);
    const to = target ? owningTeam(target) : undefined;
    return from && to && from !== to ? { from, to } : undefined;
}

/** Indices of the items whose name another item of the list has too, in the list's order. */
export function namesakeIndices(items: ReadonlyArray<{ readonly name: string }>): number[] {
    const count = new Map<string, number>();
    for (const item of items) count.set(item.name, (count.get(item.name) ?? 0) + 1);
    const indices: number[] = [];
    items.forEach((item, index) => {
        if (count.get(item.name)! > 1) indices.push(index);
    });
    return indices;
}
