/**
 * `workflow-architect org` and `impact` as a user runs them: the JSON the spec names, the report
 * for a design review, the Mermaid and SVG drawings, and one line with exit 2 for bad usage.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli as run, scratchFolder } from './run-cli.js';
import { assertWellFormedXml } from '../xml-lint.js';
import { generateOrgWorkspace } from '../../bench/org-workspace.js';

interface PairJson {
    from: string;
    to: string;
    count: number;
    channels: Record<string, number>;
    workflows: string[];
    unchanneled: number;
    transitions: Array<{ workflow: string; from: string; to: string; channel?: string; at: { file: string; line: number } }>;
}

describe('workflow-architect org', function () {
    this.timeout(30_000);
    const scratch = scratchFolder('wa-org-');

    it('prints teams, hand-offs and systems as JSON', () => {
        const result = run(['org', 'examples', '--format', 'json']);
        assert.equal(result.code, 0, result.stderr);
        const json = JSON.parse(result.stdout) as {
            teams: Array<{ name: string }>;
            handoffs: PairJson[];
            systems: Array<{ name: string }>;
        };
        assert.deepEqual(
            json.teams.map(team => team.name),
            ['Requesters', 'Procurement', 'Finance', 'Warehouse', 'IT', 'People', 'Legal'],
        );
        // Approve → FinanceReview via Slack, CreateOrder → Invoice via SAP, Clarify → Match via Slack (PurchaseToPay).
        const first = json.handoffs[0];
        assert.deepEqual(
            {
                from: first.from,
                to: first.to,
                count: first.count,
                channels: first.channels,
                workflows: first.workflows,
                unchanneled: first.unchanneled,
            },
            { from: 'Procurement', to: 'Finance', count: 3, channels: { Slack: 2, SAP: 1 }, workflows: ['PurchaseToPay'], unchanneled: 0 },
        );
        const clarify = first.transitions.find(transition => transition.from === 'Clarify')!;
        assert.equal(clarify.at.file, path.join('examples', 'purchase-to-pay.workflow'));
        // `next Match via Slack` is on line 53 of purchase-to-pay.workflow.
        assert.equal(
            fs.readFileSync('examples/purchase-to-pay.workflow', 'utf8').split('\n')[clarify.at.line - 1].trim(),
            'next Match via Slack',
        );
        assert.equal(
            json.handoffs.reduce((sum, pair) => sum + pair.count, 0),
            17,
        );
        assert.deepEqual(
            json.systems.map(system => system.name),
            ['SAP', 'ServiceNow', 'Slack', 'Workday', 'DocuSign', 'Archive'],
        );
    });

    it('writes a Markdown report with the pairs by hand-offs, key-person risks and access gaps', () => {
        const result = run(['org', 'examples']);
        assert.equal(result.code, 0, result.stderr);
        const lines = result.stdout.split('\n');
        assert.equal(lines[0], '# Organization map');
        assert.equal(lines[2], '7 teams · 3 workflows · 17 hand-offs between 13 team pairs · 0 without channel · 9 on a critical path');
        const header = lines.indexOf('| From | To | Hand-offs | Channels | Without channel | On critical path | Workflows |');
        assert.equal(lines[header + 2], '| Procurement | Finance | 3 | Slack (2), SAP (1) | 0 | 2 | PurchaseToPay |');
        assert.ok(
            lines.includes('- **Finance.Controller** is held only by Finance.alice, and owns PurchaseToPay.FinanceReview'),
            result.stdout,
        );
        const gaps = lines.indexOf('## Access gaps');
        assert.equal(lines[gaps + 2], 'None.');
    });

    it('lists access gaps and dashes pairs without channel', () => {
        scratch.write(
            'ws/flow.workflow',
            `team A { role R }
team B { role R }
system Locked { owner A.R  access A }
workflow W {
  owner A.R
  step One { owner A.R  next Two via Locked }
  step Two { owner B.R  uses Locked  next Three }
  step Three { owner A.R  next Done }
  end Done
}`,
        );
        const md = run(['org', path.join(scratch.path, 'ws')]);
        assert.equal(md.code, 0, md.stderr);
        assert.ok(md.stdout.includes('| Locked | B | W.Two | uses |'), md.stdout);
        const mermaid = run(['org', path.join(scratch.path, 'ws'), '--format', 'mermaid']);
        assert.equal(mermaid.code, 0, mermaid.stderr);
        assert.deepEqual(mermaid.stdout.trim().split('\n'), [
            'flowchart LR',
            '    t0["A · 2 steps"]',
            '    t1["B · 1 step"]',
            '    t0 -->|"1 · Locked 1"| t1',
            '    t1 -.->|"1 · 1 without channel"| t0',
        ]);
    });

    it('draws the map as SVG, to a file with -o', () => {
        const out = path.join(scratch.path, 'org.svg');
        const result = run(['org', 'examples', '--format', 'svg', '-o', out]);
        assert.equal(result.code, 0, result.stderr);
        assert.equal(result.stdout, '');
        const svg = fs.readFileSync(out, 'utf8');
        assertWellFormedXml(svg, 'org --format svg');
        assert.equal((svg.match(/class="wa-org-team"/g) ?? []).length, 7);
        // 13 pairs, two of them both ways: 11 lines, two with an arrowhead at each end.
        assert.equal((svg.match(/class="wa-org-edge[ "]/g) ?? []).length, 11);
        assert.equal((svg.match(/marker-start=/g) ?? []).length, 2);
        assert.ok(svg.includes('>5 hand-offs</text>'), 'Procurement ⇄ Finance is labelled with both directions together');
        assert.ok(svg.includes('>2 → Procurement</text>'), 'and with each direction by its target');
    });

    it('draws a large map as the view opens it, at most 30 lines, or every pair with --min-handoffs 1', () => {
        const generated = generateOrgWorkspace(30, 60);
        const folder = path.join(scratch.path, 'large');
        fs.mkdirSync(folder, { recursive: true });
        for (const file of generated.files) fs.writeFileSync(path.join(folder, file.name), file.text);
        // What the generator wrote, by team pair in either direction.
        const links = new Map<string, number>();
        for (const [key, entry] of generated.pairs) {
            const teams = key.split('>').sort().join('⇄');
            links.set(teams, (links.get(teams) ?? 0) + entry.count);
        }
        const lines = (svg: string) => (svg.match(/class="wa-org-edge[ "]/g) ?? []).length;
        const opened = run(['org', folder, '--format', 'svg']);
        assert.equal(opened.code, 0, opened.stderr);
        assert.equal(lines(opened.stdout), [...links.values()].filter(count => count >= 5).length);
        assert.ok(lines(opened.stdout) <= 30);
        const all = run(['org', folder, '--format', 'svg', '--min-handoffs', '1']);
        assert.equal(lines(all.stdout), links.size);
        const bad = run(['org', folder, '--format', 'svg', '--min-handoffs', 'many']);
        assert.equal(bad.code, 2);
        assert.equal(bad.stderr.split('\n').filter(Boolean).length, 1, bad.stderr);
    });

    it('exits 2 on an unknown format', () => {
        const result = run(['org', 'examples', '--format', 'dot']);
        assert.equal(result.code, 2);
        assert.equal(result.stderr, "workflow-architect: org: invalid value 'dot' for option '--format' (use md, json, mermaid or svg)\n");
    });
});

describe('workflow-architect impact', function () {
    this.timeout(30_000);
    const scratch = scratchFolder('wa-impact-');

    it('names what depends on Finance.alice', () => {
        const result = run(['impact', 'examples', '--person', 'Finance.alice']);
        assert.equal(result.code, 0, result.stderr);
        const lines = result.stdout.split('\n');
        assert.equal(lines[0], '# Impact of person Finance.alice — Alice Moreau');
        for (const line of [
            '| PurchaseToPay | FinanceReview | Finance.Controller | owner through the role only they hold |',
            '- PurchaseToPay.FinanceReview escalates after 3d to Finance.alice',
            '| PurchaseToPay | Approve | FinanceReview | Procurement → Finance | Slack |',
            '| PurchaseToPay | FinanceReview | CreateOrder | Finance → Procurement | ServiceNow |',
            '- PurchaseToPay.FinanceReview: no owner',
            '- system SAP: no owner',
        ]) {
            assert.ok(lines.includes(line), `missing ${line} in\n${result.stdout}`);
        }
    });

    it('prints JSON for a role, a team and a system', () => {
        const role = JSON.parse(run(['impact', 'examples', '--role', 'Finance.Clerk', '--format', 'json']).stdout);
        // Finance.Clerk owns Invoice, Match, Pay, Archive (PurchaseToPay), Payroll (Onboarding), Classify (RecordsRetention).
        assert.equal(role.subject.name, 'Finance.Clerk');
        assert.deepEqual(role.steps.map((entry: { step: string }) => entry.step).sort(), [
            'Archive',
            'Classify',
            'Invoice',
            'Match',
            'Pay',
            'Payroll',
        ]);
        assert.deepEqual(role.holders, []);
        const system = JSON.parse(run(['impact', 'examples', '--system', 'SAP', '--format', 'json']).stdout);
        assert.equal(system.handoffs.length, 3);
        assert.deepEqual(system.losses.noChannel, [
            'PurchaseToPay.CreateOrder → Receive',
            'PurchaseToPay.CreateOrder → Invoice',
            'PurchaseToPay.Receive → Pay',
        ]);
        const team = JSON.parse(run(['impact', 'examples', '--team', 'Legal', '--format', 'json']).stdout);
        // LegalCheck escalates after 2d to Legal.
        assert.deepEqual(
            team.escalations.map((entry: { step: string }) => entry.step),
            ['LegalCheck'],
        );
        assert.deepEqual(team.workflowsOwned, ['RecordsRetention']);
    });

    it('keeps the heading on one line when a title holds line breaks', () => {
        const file = scratch.write(
            't.workflow',
            'team T { role R; person p "Pat\nSmith" as R }\nworkflow W { owner T.R; step S { owner T.R; next E }; end E }\n',
        );
        const result = run(['impact', file, '--person', 'T.p']);
        assert.equal(result.code, 0, result.stderr);
        assert.equal(result.stdout.split('\n')[0], '# Impact of person T.p — Pat Smith');
    });

    it('exits 2 with one line for an unknown person or role, or no subject', () => {
        for (const [args, message] of [
            [['--person', 'Finance.bob'], "impact: no person 'bob' in team Finance (its people: alice)"],
            [['--role', 'Finance.alice'], "impact: no role 'alice' in team Finance (its roles: Controller, Clerk)"],
            [[], 'impact: give exactly one of --person Team.person, --role Team.Role, --team Team or --system S'],
            [
                ['--team', 'Finance', '--system', 'SAP'],
                'impact: give exactly one of --person Team.person, --role Team.Role, --team Team or --system S (got --team and --system)',
            ],
        ] as const) {
            const result = run(['impact', 'examples', ...args]);
            assert.equal(result.code, 2, args.join(' '));
            assert.equal(result.stderr, `workflow-architect: ${message}\n`);
            assert.equal(result.stdout, '');
        }
    });
});
