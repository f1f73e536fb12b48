/**
 * A code lens above each team with its figures from the organization map — steps owned, hand-offs
 * in and out, workflows, key people — and one that opens the Organization Map view.
 */
import type { LangiumDocument } from 'langium';
import type { CodeLens } from 'vscode-languageserver';
import { isTeam } from '../generated/ast.js';
import { impactLines, impactOn } from '../analysis/impact.js';
import type { OrgFacts } from '../analysis/org-map.js';
import { declarationsOf } from '../workspace/workspace-queries.js';

/** The client command that opens the Organization Map view. */
export const OPEN_ORG_MAP_COMMAND = 'workflowArchitect.openOrgMap';

export function teamCodeLenses(document: LangiumDocument, orgFacts: () => OrgFacts): CodeLens[] {
    const teams = declarationsOf(document).filter(isTeam);
    if (teams.length === 0) return [];
    const facts = orgFacts();
    return teams.flatMap(team => {
        const range = team.$cstNode?.range;
        if (!range || !team.name) return [];
        const at = { start: range.start, end: range.start };
        const impact = impactOn(facts, { kind: 'team', node: team });
        const [figures, risks] = impactLines(impact);
        const lenses: CodeLens[] = [{ range: at, command: { title: figures, command: '' } }];
        if (impact.risks.roles.length > 0) lenses.push({ range: at, command: { title: risks, command: '' } });
        lenses.push({ range: at, command: { title: 'Organization map', command: OPEN_ORG_MAP_COMMAND } });
        return lenses;
    });
}
