/**
 * Questions about the whole workspace that hovers and quick fixes ask: who owns what, which
 * steps use a system. Each call walks the workflows of the workspace once.
 */
import type { LangiumDocument, LangiumDocuments } from 'langium';
import type { Declaration, Member, Model, System, Team, Workflow } from '../generated/ast.js';
import { isWorkflow } from '../generated/ast.js';
import type { WorkNode } from '../model/workflow-model.js';
import { isWorkNode, ownerOf, outgoingTransitions } from '../model/workflow-model.js';

/** The top-level declarations of a document (none while it is not parsed). */
export function declarationsOf(document: LangiumDocument): Declaration[] {
    return (document.parseResult.value as Model).declarations ?? [];
}

/** The named workflows of a document, in order. */
export function workflowsOf(document: LangiumDocument): Workflow[] {
    return declarationsOf(document)
        .filter(isWorkflow)
        .filter(workflow => workflow.name);
}

export function allWorkflows(documents: LangiumDocuments): Workflow[] {
    return documents.all.flatMap(declarationsOf).filter(isWorkflow).toArray();
}

export function allWorkNodes(documents: LangiumDocuments): WorkNode[] {
    return allWorkflows(documents).flatMap(workflow => workflow.nodes.filter(isWorkNode));
}

/** Steps and decisions whose owner is the member (`Team.Member`) or the team as a whole. */
export function nodesOwnedBy(documents: LangiumDocuments, owner: Team | Member): WorkNode[] {
    return allWorkNodes(documents).filter(node => {
        const ref = ownerOf(node);
        return owner.$type === 'Team' ? ref?.team?.ref === owner && !ref.member : ref?.member?.ref === owner;
    });
}

/** Steps and decisions that use, are automated by, or hand off through the system. */
export function nodesUsing(documents: LangiumDocuments, system: System): WorkNode[] {
    return allWorkNodes(documents).filter(
        node =>
            node.uses.some(clause => clause.systems.some(ref => ref.ref === system)) ||
            node.automations.some(clause => clause.system?.ref === system) ||
            outgoingTransitions(node).some(transition => transition.channel?.ref === system),
    );
}
