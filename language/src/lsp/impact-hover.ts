/**
 * The impact of a team, role, person or system in two lines, appended to its hover card: what it
 * owns or serves and its hand-offs, then its key-person risks (see `analysis/impact.ts`).
 */
import type { AstNode } from 'langium';
import { isPerson, isRole, isSystem, isTeam } from '../generated/ast.js';
import type { ImpactTarget } from '../analysis/impact.js';
import { impactLines, impactOn } from '../analysis/impact.js';
import type { OrgFacts } from '../analysis/org-map.js';

/** The declaration as an impact subject, when it is one. */
export function impactTargetOf(node: AstNode): ImpactTarget | undefined {
    if (isTeam(node)) return { kind: 'team', node };
    if (isRole(node)) return { kind: 'role', node };
    if (isPerson(node)) return { kind: 'person', node };
    if (isSystem(node)) return { kind: 'system', node };
    return undefined;
}

/** Names are identifiers; `_` and `*` in them must not turn into emphasis. */
const plain = (text: string) => text.replace(/[\\`*_[\]()<>|~]/g, character => `\\${character}`);

/** Two Markdown lines (a hard break between them), or `undefined` for other declarations. */
export function impactHover(facts: () => OrgFacts, node: AstNode): string | undefined {
    const target = impactTargetOf(node);
    if (!target || !target.node.name) return undefined;
    const [first, second] = impactLines(impactOn(facts(), target));
    return `${plain(first)}  \n${plain(second)}`;
}
