/**
 * Realistic workflows of an exact size, for the layout tests and the layout quality benchmark
 * (`bench/generate.ts` makes the long chains the language benchmarks need). One seeded text holds
 * an organization of 4–10 teams with roles and people, the systems work runs through, and a
 * workflow built from the shapes real processes have: steps handed between teams with and
 * without a `via` channel; decisions with two or three labelled branches (and usually an
 * `otherwise`) that merge again, end the case, or send the work back (rework loops); parallel
 * splits (`next A, B`) whose branches join. The same size and seed give the same text.
 * Durations are fixed and branches carry no likelihoods, so that the layout figures stay
 * comparable over time; the simulation benchmark turns the durations into ranges itself.
 */

export const GENERATED_SIZES = [10, 30, 60, 120, 300] as const;

export interface GeneratedWorkflow {
    /** The workflow's name in the text. */
    readonly name: string;
    readonly text: string;
    readonly nodes: number;
    /** Teams that own nodes: the diagram's lanes. */
    readonly teams: number;
    readonly counts: {
        readonly decisions: number;
        readonly splits: number;
        readonly joins: number;
        readonly reworkLoops: number;
        readonly ends: number;
        readonly handoffs: number;
        readonly handoffsWithChannel: number;
    };
}

const TEAMS: ReadonlyArray<readonly [string, string, readonly [string, string]]> = [
    ['Sales', 'Sales and account management', ['Rep', 'Manager']],
    ['Finance', 'Finance', ['Controller', 'Clerk']],
    ['Procurement', 'Procurement', ['Buyer', 'Lead']],
    ['Legal', 'Legal and compliance counsel', ['Counsel', 'Paralegal']],
    ['IT', 'IT operations', ['Admin', 'ServiceDesk']],
    ['Warehouse', 'Central warehouse', ['Clerk', 'Supervisor']],
    ['Support', 'Customer support', ['Agent', 'Lead']],
    ['People', 'People & HR', ['Partner', 'Recruiter']],
    ['Operations', 'Operations', ['Planner', 'Engineer']],
    ['Quality', 'Quality assurance and regulatory affairs', ['Inspector', 'Manager']],
];
const SYSTEMS: ReadonlyArray<readonly [string, string | undefined]> = [
    ['CRM', 'Salesforce CRM'],
    ['ERP', 'SAP S/4HANA'],
    ['ServiceNow', 'ServiceNow service portal'],
    ['Slack', undefined],
    ['Mailbox', 'Shared mailbox'],
    ['DocuSign', undefined],
    ['Jira', 'Jira Service Management'],
    ['SharePoint', 'SharePoint document library'],
];
const VERBS = [
    'Review',
    'Check',
    'Prepare',
    'Approve',
    'Register',
    'Send',
    'Schedule',
    'Collect',
    'Verify',
    'Update',
    'Record',
    'Notify',
    'Assess',
    'Draft',
    'Sign',
    'Order',
    'Ship',
    'Invoice',
    'Confirm',
    'Plan',
    'Test',
    'Deploy',
];
const OBJECTS = [
    'the request',
    'the supplier contract',
    'customer documents',
    'the purchase order',
    'stock levels',
    'the delivery',
    'payment details',
    'the risk assessment',
    'the project plan',
    'access rights',
    'the quality report',
    'the invoice',
    'the change request',
    'the shipment',
    'identity and address',
    'the budget',
    'the release notes',
    'the onboarding pack',
];
const SUFFIXES = [' with the customer', ' and inform every stakeholder', ' for the regional office', ' before the deadline'];
const QUESTIONS = [
    'Complete?',
    'Within budget?',
    'Approved?',
    'Stock available?',
    'Risk acceptable?',
    'Documents in order?',
    'Customer is a returning account?',
    'Passed the quality checks?',
    'Meets the service level agreed with the customer?',
];
const CONDITIONS = [
    'yes',
    'approved',
    'amount < 10k',
    'amount >= 10k',
    'low risk',
    'high risk',
    'in stock',
    'back-ordered',
    'complete',
    'needs legal review',
    'customer is a returning account',
    'within the agreed service level',
];
const REJECTIONS = ['Request rejected', 'Cancelled by the customer', 'Closed as a duplicate', 'Withdrawn'];
const DURATIONS = ['30m', '2h', '4h', '1d', '2d', '3d'];

interface Transition {
    readonly target: FlowNode;
    readonly label?: string;
    readonly otherwise?: boolean;
}

interface FlowNode {
    readonly name: string;
    readonly kind: 'step' | 'decision' | 'end';
    readonly title: string;
    team: number;
    readonly out: Transition[];
}

/** A transition waiting for the node that comes next. */
interface Open {
    readonly from: FlowNode;
    readonly label?: string;
    readonly otherwise?: boolean;
}

/** The text of one workspace file: organization, systems, a small called workflow and the generated one. */
export function generateWorkflow(nodes: number, seed = nodes, lanes?: number): GeneratedWorkflow {
    if (!Number.isInteger(nodes) || nodes < 2) throw new RangeError('a generated workflow has at least 2 nodes');
    const random = seededRandom(seed);
    // 4 to 10 teams, more for larger workflows, unless the caller asks for a number of them.
    const teamCount = Math.max(2, Math.min(10, lanes ?? Math.round(4 + Math.log2(nodes / 10) * 1.5)));
    const teams = shuffle(TEAMS, random).slice(0, teamCount);
    const systems = shuffle(SYSTEMS, random).slice(0, 5 + Math.floor(random() * 4));
    const flow = new FlowBuilder(random, teamCount);
    flow.build(nodes);

    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
    const lines = organization(teams, systems, pick);
    const [ownerTeam, , [, ownerRole]] = teams[0];
    const name = `Generated${nodes}`;
    lines.push(
        `workflow ${name} "Generated workflow of ${nodes} nodes" {`,
        `  owner ${ownerTeam}.${ownerRole}`,
        `  trigger "A customer asks for something"`,
        `  sla ${Math.ceil(nodes / 5) + 1}w`,
        '',
    );
    let handoffs = 0;
    let channelled = 0;
    const target = (transition: Transition, from: FlowNode) => {
        const handoff = transition.target.kind !== 'end' && transition.target.team !== from.team;
        // Three hand-offs in four name their channel; other transitions now and then name one too.
        const via = handoff ? handoffs++ % 4 !== 1 : random() < 0.1;
        if (handoff && via) channelled++;
        return `${transition.target.name}${via ? ` via ${pick(systems)[0]}` : ''}`;
    };
    for (const node of flow.nodes) {
        if (node.kind === 'end') {
            lines.push(`  end ${node.name} "${node.title}"`, '');
            continue;
        }
        const [team, , roles] = teams[node.team];
        lines.push(`  ${node.kind} ${node.name} "${node.title}" {`, `    owner ${random() < 0.15 ? team : `${team}.${pick(roles)}`}`);
        if (random() < 0.4) lines.push(`    uses ${[...new Set([pick(systems)[0], pick(systems)[0]])].join(', ')}`);
        if (node.kind === 'step' && random() < 0.1) lines.push(`    automated by ${pick(systems)[0]}`);
        if (node.kind === 'step' && random() < 0.05) lines.push(`    calls RecordKeeping`);
        if (random() < 0.8) lines.push(`    duration ${pick(DURATIONS)}`);
        if (random() < 0.05) lines.push(`    escalate after 2d to ${team}.${team.toLowerCase()}Lead`);
        if (node.kind === 'step') {
            lines.push(`    next ${node.out.map(transition => target(transition, node)).join(', ')}`);
        } else {
            const branches = [...node.out.filter(t => !t.otherwise), ...node.out.filter(t => t.otherwise)];
            for (const branch of branches) {
                lines.push(`    ${branch.otherwise ? 'otherwise' : `when "${branch.label}"`} -> ${target(branch, node)}`);
            }
        }
        lines.push(`  }`, '');
    }
    lines[lines.length - 1] = '}';
    lines.push('');
    return {
        name,
        text: lines.join('\n'),
        nodes: flow.nodes.length,
        teams: new Set(flow.nodes.filter(node => node.kind !== 'end').map(node => node.team)).size,
        counts: { ...flow.counts, ends: flow.nodes.filter(node => node.kind === 'end').length, handoffs, handoffsWithChannel: channelled },
    };
}

type Team = (typeof TEAMS)[number];

/** The teams with their roles and a lead, the systems, and a small workflow that steps can call. */
function organization(teams: readonly Team[], systems: typeof SYSTEMS, pick: <T>(items: readonly T[]) => T): string[] {
    const lines: string[] = [];
    for (const [name, title, [first, second]] of teams) {
        lines.push(
            `team ${name} "${title}" {`,
            `  role ${first}`,
            `  role ${second}`,
            `  person ${name.toLowerCase()}Lead "${name} lead" as ${second}`,
            `}`,
            '',
        );
    }
    for (const [name, title] of systems) {
        const [team, , [role]] = pick(teams);
        lines.push(`system ${name}${title ? ` "${title}"` : ''} { owner ${team}.${role} }`);
    }
    const [ownerTeam, , [, ownerRole]] = teams[0];
    lines.push(
        '',
        `workflow RecordKeeping "File the case records" {`,
        `  owner ${ownerTeam}.${ownerRole}`,
        `  step FileRecords "File the records" { owner ${ownerTeam}; next Filed }`,
        `  end Filed "Records filed"`,
        `}`,
        '',
    );
    return lines;
}

type BlockKind = 'step' | 'decision' | 'split' | 'rework' | 'reject';

/** Builds the flow block by block until it has exactly the nodes asked for. */
class FlowBuilder {
    readonly nodes: FlowNode[] = [];
    readonly counts = { decisions: 0, splits: 0, joins: 0, reworkLoops: 0 };
    private pending: Open[] = [];
    /** The nodes of the main line (not inside a branch), which rework loops return to. */
    private readonly spine: FlowNode[] = [];
    private team = 0;

    constructor(
        private readonly random: () => number,
        private readonly teamCount: number,
    ) {}

    build(total: number): void {
        // Every kind of block once first, so that even a small workflow has them all.
        const first: BlockKind[] = ['step', 'split', 'decision', 'rework', 'reject'];
        let remaining = total - 1;
        while (remaining > 0) {
            const forced = first.shift();
            const kind = forced ?? this.choose();
            // A small workflow gets the smallest block of each kind, so that it still has them all.
            const block = this.plan(kind, forced !== undefined && total < 20);
            const smallest = forced ? this.plan(kind, true) : block;
            const chosen = block.size <= remaining ? block : smallest.size <= remaining ? smallest : this.plan('step');
            chosen.build();
            remaining -= chosen.size;
        }
        this.add('end', 'Completed', this.team, 'Completed');
        this.coverTeams();
    }

    private choose(): BlockKind {
        const r = this.random();
        return r < 0.4 ? 'step' : r < 0.62 ? 'decision' : r < 0.78 ? 'split' : r < 0.92 ? 'rework' : 'reject';
    }

    /** A block of the kind with its sizes drawn at random, or the smallest block of that kind. */
    private plan(kind: BlockKind, smallest = false): { size: number; build: () => void } {
        const random = smallest ? () => 0 : this.random;
        switch (kind) {
            case 'step':
                return { size: 1, build: () => this.spine.push(this.step(this.nextTeam())) };
            case 'decision': {
                const k = random() < 0.7 ? 2 : 3;
                const skip = smallest ? 0 : random() < 0.3 ? Math.floor(random() * k) : -1;
                const lengths = Array.from({ length: k }, (_, i) => (i === skip ? 0 : 1 + Math.floor(random() * 2)));
                return { size: 2 + lengths.reduce((a, b) => a + b, 0), build: () => this.decisionBlock(lengths) };
            }
            case 'split': {
                const k = random() < 0.75 ? 2 : 3;
                const lengths = Array.from({ length: k }, () => 1 + Math.floor(random() * 3));
                const rework = lengths.map(() => !smallest && random() < 0.2);
                const size = 2 + lengths.reduce((a, b) => a + b, 0) + rework.filter(Boolean).length;
                return { size, build: () => this.splitBlock(lengths, rework) };
            }
            case 'rework':
                return { size: 1, build: () => this.rework(this.spine.filter(node => node.kind === 'step').slice(-6)) };
            case 'reject':
                return { size: 2, build: () => this.reject() };
        }
    }

    /** Makes a node and points every open transition at it. */
    private add(kind: FlowNode['kind'], title: string, team: number, name = `${identifier(title)}${this.nodes.length + 1}`): FlowNode {
        const node: FlowNode = { name, kind, title, team, out: [] };
        for (const open of this.pending) open.from.out.push({ target: node, label: open.label, otherwise: open.otherwise });
        this.pending = [];
        this.nodes.push(node);
        if (kind !== 'end') this.team = team;
        return node;
    }

    private step(team: number): FlowNode {
        const title = `${this.pick(VERBS)} ${this.pick(OBJECTS)}${this.random() < 0.15 ? this.pick(SUFFIXES) : ''}`;
        const node = this.add('step', title, team);
        this.pending = [{ from: node }];
        return node;
    }

    private decision(team: number): FlowNode {
        this.counts.decisions++;
        return this.add('decision', this.pick(QUESTIONS), team);
    }

    /** Two or three labelled branches of 0–2 steps that meet again at a merge step. */
    private decisionBlock(lengths: number[]): void {
        const decision = this.decision(this.nextTeam());
        this.spine.push(decision);
        const withOtherwise = this.random() < 0.85;
        const labels = this.conditions(lengths.length - (withOtherwise ? 1 : 0));
        const tails: Open[] = [];
        lengths.forEach((length, i) => {
            const open: Open =
                withOtherwise && i === lengths.length - 1 ? { from: decision, otherwise: true } : { from: decision, label: labels[i] };
            if (length === 0) {
                tails.push(open);
                return;
            }
            this.pending = [open];
            const team = this.random() < 0.5 ? decision.team : this.otherTeam(decision.team);
            for (let s = 0; s < length; s++) this.step(team);
            tails.push(...this.pending);
        });
        this.pending = tails;
        this.spine.push(this.step(this.nextTeam()));
    }

    /** A step that starts two or three branches at once (`next A, B`), each 1–3 steps, joined by one step. */
    private splitBlock(lengths: number[], rework: boolean[]): void {
        this.counts.splits++;
        const split = this.step(this.nextTeam());
        this.spine.push(split);
        const teams = shuffle(
            Array.from({ length: this.teamCount }, (_, i) => i),
            this.random,
        );
        const tails: Open[] = [];
        lengths.forEach((length, i) => {
            this.pending = [{ from: split }];
            const team = teams[i % teams.length];
            const first = this.step(team);
            for (let s = 1; s < length; s++) this.step(team);
            if (rework[i]) this.rework([first], true);
            tails.push(...this.pending);
        });
        this.pending = tails;
        this.counts.joins++;
        this.spine.push(this.step(this.nextTeam()));
    }

    /** A check that sends the work back to an earlier step, or lets it go on. */
    private rework(targets: FlowNode[], inBranch = false): void {
        const back = targets[Math.floor(this.random() * targets.length)];
        const decision = this.decision(this.random() < 0.6 ? this.team : this.nextTeam());
        this.counts.reworkLoops++;
        if (this.random() < 0.5) {
            decision.out.push({ target: back, label: 'changes requested' });
            this.pending = [{ from: decision, otherwise: true }];
        } else {
            decision.out.push({ target: back, otherwise: true });
            this.pending = [{ from: decision, label: this.pick(['complete', 'approved', 'passed']) }];
        }
        if (!inBranch) this.spine.push(decision);
    }

    /** A check whose `otherwise` ends the case; the work goes on on the other branch. */
    private reject(): void {
        const decision = this.decision(this.nextTeam());
        this.spine.push(decision);
        this.pending = [{ from: decision, otherwise: true }];
        this.add('end', this.pick(REJECTIONS), decision.team);
        this.pending = [{ from: decision, label: this.pick(CONDITIONS) }];
    }

    private nextTeam(): number {
        return this.random() < 0.5 ? this.team : this.otherTeam(this.team);
    }

    private otherTeam(team: number): number {
        return (team + 1 + Math.floor(this.random() * (this.teamCount - 1))) % this.teamCount;
    }

    private conditions(count: number): string[] {
        return shuffle(CONDITIONS, this.random).slice(0, count);
    }

    /** Gives every team at least one step, taken from teams that own several. */
    private coverTeams(): void {
        const steps = this.nodes.filter(node => node.kind === 'step');
        for (let team = 0; team < this.teamCount; team++) {
            if (this.nodes.some(node => node.kind !== 'end' && node.team === team)) continue;
            const owners = new Map<number, number>();
            for (const node of steps) owners.set(node.team, (owners.get(node.team) ?? 0) + 1);
            const donor = steps.find(node => (owners.get(node.team) ?? 0) > 1);
            if (donor) donor.team = team;
        }
    }

    private pick<T>(items: readonly T[]): T {
        return items[Math.floor(this.random() * items.length)];
    }
}

const FILLERS = new Set(['the', 'a', 'and', 'for', 'with', 'is', 'of', 'every', 'before']);

function identifier(title: string): string {
    return title
        .split(/[^A-Za-z0-9]+/)
        .filter(word => word && !FILLERS.has(word.toLowerCase()))
        .slice(0, 3)
        .map(word => word[0].toUpperCase() + word.slice(1))
        .join('');
}

function shuffle<T>(items: readonly T[], random: () => number): T[] {
    const result = [...items];
    for (let i = result.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [result[i], result[j]] = [result[j], result[i]];
    }
    return result;
}

/** mulberry32: small, fast and good enough to vary generated text. */
function seededRandom(seed: number): () => number {
    let state = seed | 0;
    return () => {
        state = (state + 0x6d2b79f5) | 0;
        let t = Math.imul(state ^ (state >>> 15), 1 | state);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
