/**
 * What `workflow-architect org` prints as JSON and Markdown. The JSON keeps the map's shape with
 * two changes a reader outside the editor needs: a pair's `channels` is an object from channel to
 * hand-off count (`{"SAP": 2}`), and locations are `file` paths with 1-based `line` and `column`.
 * The Markdown is a report to paste into a design review: team pairs by hand-offs, key-person
 * risks, access gaps, then the figures per team and per system.
 */
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';
import type { KeyPersonRisks, OrgHandoff, OrgMap, SourceLocation } from '../protocol/org-map.js';

export const ORG_JSON_VERSION = 1;

/** A location as `validate` prints one: the path relative to the current folder, 1-based line and column. */
export function jsonLocation(location: SourceLocation | undefined): { file: string; line: number; column: number } | undefined {
    if (!location) return undefined;
    const file = location.uri.startsWith('file:') ? path.relative(process.cwd(), fileURLToPath(location.uri)) : location.uri;
    return { file, line: location.range.start.line + 1, column: location.range.start.character + 1 };
}

export function jsonHandoff(record: OrgHandoff): object {
    const { location, ...rest } = record;
    return { ...rest, ...(location ? { at: jsonLocation(location) } : {}) };
}

export function orgJson(map: OrgMap): object {
    return {
        version: ORG_JSON_VERSION,
        workflows: map.workflows,
        teams: map.teams.map(({ location, ...team }) => ({ ...team, at: jsonLocation(location) })),
        handoffs: map.handoffs.map(pair => ({
            from: pair.from,
            to: pair.to,
            count: pair.count,
            channels: Object.fromEntries(pair.channels.map(channel => [channel.name, channel.count])),
            workflows: pair.workflows,
            unchanneled: pair.unchanneled,
            critical: pair.critical,
            transitions: pair.handoffs.map(jsonHandoff),
        })),
        systems: map.systems.map(({ location, ...system }) => ({ ...system, at: jsonLocation(location) })),
        keyPersonRisks: map.risks,
    };
}

/** Text for a Markdown table cell: `|` escaped, line breaks as spaces. */
export const cell = (text: string) => text.replace(/[\r\n]+/g, ' ').replace(/\|/g, '\\|');

export function table(header: string[], rows: string[][]): string[] {
    return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map(row => `| ${row.map(cell).join(' | ')} |`)];
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

export function riskLines(risks: KeyPersonRisks): string[] {
    const lines = [
        ...risks.roles.map(risk => `- **${risk.role}** is held only by ${risk.person}, and owns ${risk.steps.join(', ')}`),
        ...risks.escalations.map(
            risk =>
                `- **${risk.workflow}.${risk.step}** escalates to ${risk.to}${risk.to === risk.person ? '' : ` (held only by ${risk.person})`}, one individual`,
        ),
    ];
    return lines.length > 0 ? lines : ['None.'];
}

export function orgMarkdown(map: OrgMap): string {
    const total = map.handoffs.reduce((sum, pair) => sum + pair.count, 0);
    const unchanneled = map.handoffs.reduce((sum, pair) => sum + pair.unchanneled, 0);
    const critical = map.handoffs.reduce((sum, pair) => sum + pair.critical, 0);
    const gaps = map.systems.flatMap(system => system.accessGaps);
    const lines = [
        '# Organization map',
        '',
        `${plural(map.teams.length, 'team')} · ${plural(map.workflows, 'workflow')} · ${plural(total, 'hand-off')} between ${plural(map.handoffs.length, 'team pair')} · ${unchanneled} without channel · ${critical} on a critical path`,
        '',
        '## Hand-offs between teams',
        '',
        ...(map.handoffs.length > 0
            ? table(
                  ['From', 'To', 'Hand-offs', 'Channels', 'Without channel', 'On critical path', 'Workflows'],
                  map.handoffs.map(pair => [
                      pair.from,
                      pair.to,
                      String(pair.count),
                      pair.channels.map(channel => `${channel.name} (${channel.count})`).join(', '),
                      String(pair.unchanneled),
                      String(pair.critical),
                      pair.workflows.join(', '),
                  ]),
              )
            : ['None.']),
        '',
        '## Key-person risks',
        '',
        ...riskLines(map.risks),
        '',
        '## Access gaps',
        '',
        ...(gaps.length > 0
            ? table(
                  ['System', 'Team', 'Step', 'How'],
                  gaps.map(gap => [gap.system, gap.team, `${gap.workflow}.${gap.step}`, gap.how]),
              )
            : ['None.']),
        '',
        '## Teams',
        '',
        ...table(
            ['Team', 'Steps owned', 'Hand-offs in', 'Hand-offs out', 'Workflows'],
            map.teams.map(team => [
                team.name,
                String(team.stepsOwned),
                String(team.handoffsIn),
                String(team.handoffsOut),
                team.workflows.join(', '),
            ]),
        ),
        '',
        '## Systems',
        '',
        ...table(
            ['System', 'Owner', 'Access', 'Used by', 'Automated by', 'Hand-offs through it'],
            map.systems.map(system => [
                system.name,
                system.owner ?? '',
                system.access ? system.access.join(', ') : 'every team',
                system.usedBy.join(', '),
                system.automatedBy.join(', '),
                String(system.handoffs),
            ]),
        ),
    ];
    return lines.join('\n') + '\n';
}
