/**
 * The organization map as a Mermaid flowchart: a node per team (with the steps it owns), an arrow
 * per team pair labelled with its hand-off count and channels, dotted where some hand-offs of the
 * pair have no channel. `workflow-architect org --format mermaid`.
 */
import type { OrgMap, TeamPair } from '../protocol/org-map.js';
import { label } from './mermaid.js';

const teamId = (index: number) => `t${index}`;

export function orgMermaid(map: OrgMap): string {
    const ids = new Map(map.teams.map((team, index) => [team.name, teamId(index)]));
    const lines = ['flowchart LR'];
    for (const team of map.teams) {
        const steps = `${team.stepsOwned} step${team.stepsOwned === 1 ? '' : 's'}`;
        lines.push(`    ${ids.get(team.name)}[${label(`${team.name} · ${steps}`)}]`);
    }
    for (const pair of map.handoffs) {
        const from = ids.get(pair.from);
        const to = ids.get(pair.to);
        if (!from || !to) continue;
        // `-.->` is Mermaid's dotted arrow: the pair has hand-offs without a channel.
        lines.push(`    ${from} ${pair.unchanneled > 0 ? '-.->' : '-->'}|${label(pairLabel(pair))}| ${to}`);
    }
    return lines.join('\n') + '\n';
}

/** `3 · SAP 2, Slack 1 · 1 without channel` */
export function pairLabel(pair: TeamPair): string {
    const parts = [String(pair.count)];
    if (pair.channels.length > 0) parts.push(pair.channels.map(channel => `${channel.name} ${channel.count}`).join(', '));
    if (pair.unchanneled > 0) parts.push(`${pair.unchanneled} without channel`);
    return parts.join(' · ');
}
