/**
 * What `workflow-architect impact` prints: the impact of one person, role, team or system as JSON
 * (the protocol's shape, locations as `file`/`line`/`column`) or as a Markdown section for a
 * design review.
 */
import type { Impact } from '../protocol/org-map.js';
import { jsonHandoff, jsonLocation, riskLines, table } from './org-report.js';

export function impactJson(impact: Impact): object {
    return {
        ...impact,
        steps: impact.steps.map(({ location, ...entry }) => ({ ...entry, at: jsonLocation(location) })),
        escalations: impact.escalations.map(({ location, ...entry }) => ({ ...entry, at: jsonLocation(location) })),
        handoffs: impact.handoffs.map(jsonHandoff),
    };
}

const BECAUSE: Record<Impact['steps'][number]['because'], string> = {
    owner: 'owner',
    'role owner': 'owner through the role only they hold',
    uses: 'uses it',
    'automated by': 'automated by it',
};

function bullets(items: string[]): string[] {
    return items.length > 0 ? items.map(item => `- ${item}`) : ['None.'];
}

export function impactMarkdown(impact: Impact): string {
    const { subject, losses } = impact;
    // A title may hold line breaks: the heading stays one line.
    const heading = `# Impact of ${subject.kind} ${subject.name}${impact.title ? ` — ${impact.title.replace(/\s+/g, ' ').trim()}` : ''}`;
    const holders =
        subject.kind === 'role'
            ? [`Held by: ${impact.holders.length > 0 ? impact.holders.join(', ') : 'nobody'}`, '']
            : subject.kind === 'person' && impact.holders.length > 0
              ? [`Role: ${impact.holders.join(', ')}`, '']
              : [];
    const owned = [
        ...impact.workflowsOwned.map(name => `Owns workflow ${name}`),
        ...impact.systemsOwned.map(name => `Owns system ${name}`),
    ];
    const lines = [
        heading,
        '',
        ...holders,
        '## Steps and decisions',
        '',
        ...(impact.steps.length > 0
            ? table(
                  ['Workflow', 'Step', 'Owner', 'Depends because'],
                  impact.steps.map(entry => [entry.workflow, entry.step, entry.owner, BECAUSE[entry.because]]),
              )
            : ['None.']),
        ...(owned.length > 0 ? ['', ...bullets(owned)] : []),
        '',
        '## Escalations',
        '',
        ...bullets(impact.escalations.map(entry => `${entry.workflow}.${entry.step} escalates after ${entry.after} to ${entry.to}`)),
        '',
        '## Hand-offs',
        '',
        ...(impact.handoffs.length > 0
            ? table(
                  ['Workflow', 'From', 'To', 'Teams', 'Channel'],
                  impact.handoffs.map(record => [
                      record.workflow,
                      record.from,
                      record.to,
                      `${record.fromTeam} → ${record.toTeam}`,
                      record.channel ?? 'none',
                  ]),
              )
            : ['None.']),
        '',
        '## Without it',
        '',
        ...bullets([
            ...losses.noOwner.map(name => `${name}: no owner`),
            ...losses.noEscalation.map(name => `${name}: its escalation reaches no one`),
            ...losses.noChannel.map(name => `${name}: no channel`),
            ...losses.noSystem.map(name => `${name}: no system`),
        ]),
        ...(subject.kind === 'system' ? [] : ['', '## Key-person risks', '', ...riskLines(impact.risks)]),
    ];
    return lines.join('\n') + '\n';
}
