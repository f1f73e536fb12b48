/**
 * `workflow-architect impact PATH... (--person Team.person | --role Team.Role | --team Team | --system S)
 * [--format md|json]`: what depends on one person, role, team or system of the workspace.
 */
import { impactOf } from '../language/src/analysis/impact.js';
import type { ImpactSubject } from '../protocol/org-map.js';
import type { CommandOptions } from './commands.js';
import { loadInputWorkspace } from './load-workspace.js';
import { UsageError } from './input-files.js';
import { impactJson, impactMarkdown } from './impact-report.js';

const KINDS = ['person', 'role', 'team', 'system'] as const;

/** The one subject the options name; none or several is bad usage. */
export function impactSubject(options: CommandOptions<'impact'>): ImpactSubject {
    const given = KINDS.filter(kind => options[kind] !== undefined);
    if (given.length !== 1) {
        throw new UsageError(
            `impact: give exactly one of --person Team.person, --role Team.Role, --team Team or --system S${given.length > 1 ? ` (got ${given.map(kind => `--${kind}`).join(' and ')})` : ''}`,
        );
    }
    return { kind: given[0], name: options[given[0]]! };
}

export async function impactCommand(paths: string[], options: CommandOptions<'impact'>, write: (text: string) => void): Promise<number> {
    const subject = impactSubject(options);
    const { documents } = await loadInputWorkspace(paths);
    const impact = impactOf(documents, subject);
    if (typeof impact === 'string') throw new UsageError(`impact: ${impact}`);
    write(options.format === 'json' ? JSON.stringify(impactJson(impact), undefined, 2) + '\n' : impactMarkdown(impact));
    return 0;
}
