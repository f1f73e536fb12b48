/**
 * A seeded workspace of N teams and M workflows, for the organization map's tests, its bench and
 * its screenshots: one file with the teams (roles, and people some of whom alone hold a role), one
 * with the systems (some with an `access` list), and one file per workflow. Each workflow runs
 * through a few teams (mostly of one department of neighbouring teams), with decisions, rework loops and parallel splits, hands off with or without
 * `via`, and escalates now and then. The generator records each hand-off it writes, by team
 * pair, so a test can compare the map with what was written rather than with the map's own code.
 */

export interface OrgWorkspace {
    readonly files: Array<{ readonly name: string; readonly text: string }>;
    /** `From>To` → hand-offs written between those teams. */
    readonly pairs: Map<string, { count: number; unchanneled: number; channels: Map<string, number> }>;
    readonly teams: string[];
    readonly systems: string[];
}

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

const TEAM_WORDS = ['Sales', 'Finance', 'Legal', 'Support', 'People', 'Quality', 'Ops', 'Data', 'Risk', 'Audit', 'Tax', 'Fleet'];
const SYSTEM_WORDS = ['Crm', 'Erp', 'Desk', 'Chat', 'Mail', 'Sign', 'Wiki', 'Vault', 'Ledger', 'Portal'];

interface Owner {
    readonly team: number;
    readonly text: string;
}

export function generateOrgWorkspace(teamCount: number, workflowCount: number, seed = teamCount * 1000 + workflowCount): OrgWorkspace {
    const next = random(seed);
    const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
    const teams = Array.from({ length: teamCount }, (_, i) => `${TEAM_WORDS[i % TEAM_WORDS.length]}${i >= TEAM_WORDS.length ? i : ''}`);
    const systemCount = Math.max(3, Math.round(teamCount / 3));
    const systems = Array.from(
        { length: systemCount },
        (_, i) => `${SYSTEM_WORDS[i % SYSTEM_WORDS.length]}${i >= SYSTEM_WORDS.length ? i : ''}`,
    );
    const owners: Owner[][] = teams.map((team, index) => [
        { team: index, text: `${team}.Lead` },
        { team: index, text: `${team}.Agent` },
        { team: index, text: team },
    ]);
    const org = teams.map(
        (team, index) =>
            `team ${team} "${team} team" {\n  role Lead\n  role Agent\n  person p${index} "Person ${index}" as Lead\n` +
            (index % 3 === 0 ? `  person q${index} as Lead\n` : '') +
            '}\n',
    );
    const systemText = systems.map((system, index) => {
        // A third of the systems list who may work in them, which makes access gaps likely.
        const access =
            index % 3 === 1
                ? `\n  access ${teams
                      .filter(() => next() < 0.5)
                      .concat(teams[0])
                      .filter((t, i, all) => all.indexOf(t) === i)
                      .join(', ')}`
                : '';
        return `system ${system} "${system} system" {\n  owner ${teams[index % teamCount]}.Lead${access}\n}\n`;
    });
    const pairs: OrgWorkspace['pairs'] = new Map();
    const record = (from: number, to: number, channel: string | undefined) => {
        if (from === to) return;
        const key = `${teams[from]}>${teams[to]}`;
        const entry = pairs.get(key) ?? pairs.set(key, { count: 0, unchanneled: 0, channels: new Map() }).get(key)!;
        entry.count++;
        if (channel) entry.channels.set(channel, (entry.channels.get(channel) ?? 0) + 1);
        else entry.unchanneled++;
    };
    const files = [
        { name: 'org.workflow', text: org.join('\n') },
        { name: 'systems.workflow', text: systemText.join('\n') },
    ];
    for (let w = 0; w < workflowCount; w++) {
        // Each workflow runs through two to five teams of one department (six neighbouring teams), now and
        // then reaching one team elsewhere, as processes do: a map of uniformly random pairs is a hairball
        // no organization has (30 teams × 60 workflows gave 255 of the 870 possible pairs).
        const department = Math.floor(next() * teamCount);
        const involved = Array.from({ length: 2 + Math.floor(next() * 4) }, () =>
            next() < 0.1 ? Math.floor(next() * teamCount) : (department + Math.floor(next() * 6)) % teamCount,
        );
        const length = 4 + Math.floor(next() * 7);
        const nodes = Array.from({ length }, (_, i) => ({ name: `S${i}`, owner: pick(owners[involved[i % involved.length]]) }));
        const lines: string[] = [
            `workflow W${w} "Workflow ${w}" {`,
            `  owner ${nodes[0].owner.text}`,
            `  sla ${5 + Math.floor(next() * 10)}d`,
        ];
        const via = () => (next() < 0.7 ? pick(systems) : undefined);
        const arrow = (from: number, target: string, targetTeam: number | undefined) => {
            const channel = via();
            if (targetTeam !== undefined) record(nodes[from].owner.team, targetTeam, channel);
            return `${target}${channel ? ` via ${channel}` : ''}`;
        };
        nodes.forEach((node, i) => {
            const last = i === length - 1;
            const following = last ? undefined : nodes[i + 1];
            const body = [`owner ${node.owner.text}`, `duration ${1 + Math.floor(next() * 8)}h`];
            if (next() < 0.4) body.push(`uses ${pick(systems)}`);
            if (next() < 0.15) body.push(`escalate after 1d to ${teams[node.owner.team]}.p${node.owner.team}`);
            const shape = next();
            if (!last && i > 0 && shape < 0.25) {
                // A decision: on, or back to the previous step (a rework loop), or out to the end.
                lines.push(`  decision ${node.name} {`, ...body.map(clause => `    ${clause}`));
                lines.push(`    when "ok" -> ${arrow(i, following!.name, following!.owner.team)}`);
                lines.push(`    when "again" -> ${arrow(i, nodes[i - 1].name, nodes[i - 1].owner.team)}`);
                lines.push(`    otherwise -> Stopped`, '  }');
                return;
            }
            const targets = last
                ? ['Done']
                : i + 2 < length && shape < 0.4
                  ? [arrow(i, following!.name, following!.owner.team), arrow(i, nodes[i + 2].name, nodes[i + 2].owner.team)]
                  : [arrow(i, following!.name, following!.owner.team)];
            lines.push(`  step ${node.name} { ${[...body, `next ${targets.join(', ')}`].join('; ')} }`);
        });
        lines.push('  end Done "Done"', '  end Stopped "Stopped"', '}');
        files.push({ name: `w${w}.workflow`, text: lines.join('\n') + '\n' });
    }
    return { files, pairs, teams, systems };
}
