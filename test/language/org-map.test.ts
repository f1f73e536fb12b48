/**
 * The organization map and impact analysis (`analysis/org-map.ts`, `impact.ts`): expectations
 * counted by hand from the bundled examples, access gaps and key-person risks on small texts, and
 * generated workspaces of many teams and workflows checked against what the generator wrote.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import { impactLines, impactOf } from '../../language/src/analysis/impact.js';
import { organizationMap } from '../../language/src/analysis/org-map.js';
import { summarize } from '../../language/src/analysis/workflow-summary.js';
import { buildWorkspace } from '../../language/src/workspace/workflow-workspace.js';
import { workflowsOf } from '../../language/src/workspace/workspace-queries.js';
import type { Impact, OrgMap } from '../../protocol/org-map.js';
import { generateOrgWorkspace } from '../../bench/org-workspace.js';
import { loadWorkspace } from '../helpers.js';

async function examples(): Promise<LangiumDocument[]> {
    const files = fs.readdirSync('examples').filter(name => name.endsWith('.workflow'));
    const { documents } = await buildWorkspace(
        files.map(name => ({ uri: path.resolve('examples', name), text: fs.readFileSync(path.join('examples', name), 'utf8') })),
    );
    return documents;
}

const pairKey = (from: string, to: string) => `${from}>${to}`;
function pairsOf(map: OrgMap): Map<string, OrgMap['handoffs'][number]> {
    return new Map(map.handoffs.map(pair => [pairKey(pair.from, pair.to), pair]));
}

describe('organization map of the examples (counted by hand)', function () {
    this.timeout(20_000);
    let map: OrgMap;
    before(async () => {
        map = organizationMap(await examples());
    });

    it('finds every team pair with its count and channels', () => {
        // Onboarding (8 hand-offs):
        //   SignContract People → LegalCheck Legal via DocuSign; LegalCheck Legal → CreateAccount IT via ServiceNow;
        //   LegalCheck Legal → Negotiate People via DocuSign; Negotiate People → LegalCheck Legal via DocuSign;
        //   CreateAccount IT → Payroll Finance via Workday; CreateAccount IT → Welcome Requesters via Slack;
        //   Payroll Finance → FirstDay People via Workday; Welcome Requesters → FirstDay People via Slack.
        // PurchaseToPay (8): Request Requesters → Approve Procurement via ServiceNow; Approve → FinanceReview
        //   Procurement → Finance via Slack (Approve → CreateOrder stays in Procurement); FinanceReview → CreateOrder
        //   Finance → Procurement via ServiceNow; CreateOrder → Receive Procurement → Warehouse via SAP;
        //   CreateOrder → Invoice Procurement → Finance via SAP; Receive → Pay Warehouse → Finance via SAP;
        //   Match → Clarify Finance → Procurement via Slack; Clarify → Match Procurement → Finance via Slack.
        // RecordsRetention (1): Classify Finance → File Legal via Archive.
        const expected: Record<string, [number, Record<string, number>, string[]]> = {
            'Procurement>Finance': [3, { Slack: 2, SAP: 1 }, ['PurchaseToPay']],
            'Finance>Procurement': [2, { ServiceNow: 1, Slack: 1 }, ['PurchaseToPay']],
            'People>Legal': [2, { DocuSign: 2 }, ['Onboarding']],
            'Legal>IT': [1, { ServiceNow: 1 }, ['Onboarding']],
            'Legal>People': [1, { DocuSign: 1 }, ['Onboarding']],
            'IT>Finance': [1, { Workday: 1 }, ['Onboarding']],
            'IT>Requesters': [1, { Slack: 1 }, ['Onboarding']],
            'Finance>People': [1, { Workday: 1 }, ['Onboarding']],
            'Requesters>People': [1, { Slack: 1 }, ['Onboarding']],
            'Requesters>Procurement': [1, { ServiceNow: 1 }, ['PurchaseToPay']],
            'Procurement>Warehouse': [1, { SAP: 1 }, ['PurchaseToPay']],
            'Warehouse>Finance': [1, { SAP: 1 }, ['PurchaseToPay']],
            'Finance>Legal': [1, { Archive: 1 }, ['RecordsRetention']],
        };
        const pairs = pairsOf(map);
        assert.deepEqual([...pairs.keys()].sort(), Object.keys(expected).sort());
        for (const [key, [count, channels, workflows]] of Object.entries(expected)) {
            const pair = pairs.get(key)!;
            assert.equal(pair.count, count, key);
            assert.deepEqual(Object.fromEntries(pair.channels.map(channel => [channel.name, channel.count])), channels, key);
            assert.deepEqual(pair.workflows, workflows, key);
            assert.equal(pair.unchanneled, 0, `${key}: every hand-off of the examples names its channel`);
        }
        // Sorted by count: 3, then the two pairs of 2 by name, then the ones.
        assert.deepEqual(
            map.handoffs.slice(0, 3).map(pair => pairKey(pair.from, pair.to)),
            ['Procurement>Finance', 'Finance>Procurement', 'People>Legal'],
        );
    });

    it('counts the hand-offs on critical paths', () => {
        // Onboarding's critical path: SignContract 1d, LegalCheck 4h, CreateAccount 2d, Welcome 2d, FirstDay
        // (Negotiate → LegalCheck closes a loop, Payroll 1d is shorter than Welcome 2d): People>Legal, Legal>IT,
        // IT>Requesters, Requesters>People. PurchaseToPay's: Request, Approve, FinanceReview, CreateOrder,
        // Invoice, Match, Pay, Archive (Invoice 1d + Match 2h beat Receive 1d): Requesters>Procurement,
        // Procurement>Finance twice (Approve → FinanceReview, CreateOrder → Invoice), Finance>Procurement.
        // RecordsRetention: Classify → File.
        const critical = Object.fromEntries(
            map.handoffs.filter(pair => pair.critical > 0).map(pair => [pairKey(pair.from, pair.to), pair.critical]),
        );
        assert.deepEqual(critical, {
            'People>Legal': 1,
            'Legal>IT': 1,
            'IT>Requesters': 1,
            'Requesters>People': 1,
            'Requesters>Procurement': 1,
            'Procurement>Finance': 2,
            'Finance>Procurement': 1,
            'Finance>Legal': 1,
        });
    });

    it('gives each team its steps, hand-offs in and out, and workflows', () => {
        // Finance owns FinanceReview, Invoice, Match, Pay, Archive (PurchaseToPay), Payroll (Onboarding),
        // Classify (RecordsRetention): 7. In: Procurement 3, IT 1, Warehouse 1 = 5. Out: Procurement 2, People 1, Legal 1 = 4.
        const finance = map.teams.find(team => team.name === 'Finance')!;
        assert.equal(finance.stepsOwned, 7);
        assert.equal(finance.handoffsIn, 5);
        assert.equal(finance.handoffsOut, 4);
        assert.deepEqual(finance.workflows, ['Onboarding', 'PurchaseToPay', 'RecordsRetention']);
        // Legal owns LegalCheck (Onboarding) and File (RecordsRetention, which it also owns as a workflow).
        const legal = map.teams.find(team => team.name === 'Legal')!;
        assert.deepEqual([legal.stepsOwned, legal.handoffsIn, legal.handoffsOut], [2, 3, 2]);
        assert.equal(map.teams.length, 7);
        assert.equal(
            map.teams.reduce((sum, team) => sum + team.handoffsIn, 0),
            17,
        );
    });

    it('lists the teams of each system and finds no access gap in the clean examples', () => {
        const sap = map.systems.find(system => system.name === 'SAP')!;
        // uses SAP: Receive (Warehouse), Invoice and Pay (Finance); automated by SAP: CreateOrder (Procurement);
        // via SAP: CreateOrder twice and Receive — Procurement and Warehouse hand off through it.
        assert.deepEqual(sap.usedBy, ['Warehouse', 'Finance']);
        assert.deepEqual(sap.automatedBy, ['Procurement']);
        assert.deepEqual(sap.handoffsBy, ['Procurement', 'Warehouse']);
        assert.equal(sap.handoffs, 3);
        assert.deepEqual(sap.access, ['Procurement', 'Finance', 'Warehouse']);
        assert.equal(map.systems.find(system => system.name === 'Slack')!.access, undefined);
        assert.deepEqual(
            map.systems.flatMap(system => system.accessGaps),
            [],
        );
    });

    it('names the key-person risks', () => {
        // Finance.Controller is held by alice alone and owns FinanceReview; Procurement.Lead is held by maya alone but
        // owns no step (only the workflow). Approve escalates to maya, FinanceReview to alice.
        assert.deepEqual(map.risks.roles, [
            { role: 'Finance.Controller', person: 'Finance.alice', steps: ['PurchaseToPay.FinanceReview'] },
        ]);
        assert.deepEqual(
            map.risks.escalations.map(risk => `${risk.workflow}.${risk.step}>${risk.person}`),
            ['PurchaseToPay.Approve>Procurement.maya', 'PurchaseToPay.FinanceReview>Finance.alice'],
        );
    });
});

describe('impact analysis', function () {
    this.timeout(20_000);
    let documents: LangiumDocument[];
    before(async () => {
        documents = await examples();
    });
    const impact = (kind: Impact['subject']['kind'], name: string) => {
        const result = impactOf(documents, { kind, name });
        assert.ok(typeof result !== 'string', String(result));
        return result;
    };

    it('names every step, escalation and hand-off that depends on Finance.alice', () => {
        // alice holds Finance.Controller alone: its step FinanceReview and its system SAP depend on her; she is the
        // target of FinanceReview's escalation; FinanceReview's hand-offs are Approve → FinanceReview (Slack) and
        // FinanceReview → CreateOrder (ServiceNow).
        const alice = impact('person', 'Finance.alice');
        assert.deepEqual(
            alice.steps.map(entry => [entry.workflow, entry.step, entry.because]),
            [['PurchaseToPay', 'FinanceReview', 'role owner']],
        );
        assert.deepEqual(
            alice.escalations.map(entry => `${entry.workflow}.${entry.step} after ${entry.after} to ${entry.to}`),
            ['PurchaseToPay.FinanceReview after 3d to Finance.alice'],
        );
        assert.deepEqual(
            alice.handoffs.map(record => `${record.from}>${record.to} via ${record.channel}`),
            ['Approve>FinanceReview via Slack', 'FinanceReview>CreateOrder via ServiceNow'],
        );
        assert.deepEqual(alice.systemsOwned, ['SAP']);
        assert.deepEqual(alice.losses.noOwner, ['PurchaseToPay.FinanceReview', 'system SAP']);
        assert.deepEqual(alice.holders, ['Finance.Controller']);
        assert.equal(alice.risks.roles.length, 1);
        assert.deepEqual(impactLines(alice), [
            'owns 1 step in 1 workflow · 1 hand-off in, 1 out',
            'key person for Finance.Controller · 1 escalation to it',
        ]);
    });

    it('gives a team everything its members own, and its hand-offs both ways', () => {
        const finance = impact('team', 'Finance');
        assert.equal(finance.steps.length, 7);
        assert.equal(finance.handoffs.length, 9, '5 in and 4 out, as the map counts them');
        assert.deepEqual(finance.systemsOwned, ['SAP']);
        assert.equal(impactLines(finance)[0], 'owns 7 steps in 3 workflows · 5 hand-offs in, 4 out');
    });

    it('tells what a system carries and what would lose it', () => {
        // Workday: used by SignContract, CreateAccount, Payroll, Welcome, FirstDay; automates CreateAccount;
        // channel of CreateAccount → Payroll and Payroll → FirstDay. SignContract also uses DocuSign and
        // CreateAccount is automated by it, so the steps left with no system are CreateAccount (automation),
        // Payroll, Welcome and FirstDay (Workday is all they use).
        const workday = impact('system', 'Workday');
        assert.deepEqual(workday.losses.noSystem, [
            'Onboarding.CreateAccount',
            'Onboarding.Payroll',
            'Onboarding.Welcome',
            'Onboarding.FirstDay',
        ]);
        assert.deepEqual(workday.losses.noChannel, ['Onboarding.CreateAccount → Payroll', 'Onboarding.Payroll → FirstDay']);
    });

    it('explains in one line a subject that is not there', () => {
        assert.equal(impactOf(documents, { kind: 'person', name: 'Finance.bob' }), "no person 'bob' in team Finance (its people: alice)");
        assert.equal(
            impactOf(documents, { kind: 'role', name: 'Finance.Boss' }),
            "no role 'Boss' in team Finance (its roles: Controller, Clerk)",
        );
        assert.equal(impactOf(documents, { kind: 'role', name: 'Nowhere.Boss' }), "no team named 'Nowhere' in the workspace");
        assert.equal(impactOf(documents, { kind: 'person', name: 'alice' }), "--person takes Team.person, not 'alice'");
        assert.equal(impactOf(documents, { kind: 'system', name: 'Sap' }), "no system named 'Sap' in the workspace");
    });
});

describe('access gaps and hand-offs without channel', function () {
    this.timeout(20_000);

    it('reports a team that works in a system its access list excludes, by how', async () => {
        const workspace = await loadWorkspace({
            'org.workflow': `
team A { role R }
team B { role R }
system Locked { owner A.R  access A }
workflow W {
  owner A.R
  step One { owner A.R  next Two via Locked }
  step Two { owner B.R  uses Locked  automated by Locked  next Three via Locked, Four }
  step Three { owner A.R  next Done }
  step Four { owner A.R  next Done }
  end Done
}`,
        });
        const map = organizationMap(Object.values(workspace.files).map(file => file.document));
        const gaps = map.systems[0].accessGaps.map(gap => `${gap.team} ${gap.workflow}.${gap.step} ${gap.how}`);
        assert.deepEqual(gaps, ['B W.Two uses', 'B W.Two automated by', 'B W.Two via']);
        const back = pairsOf(map).get('B>A')!;
        assert.equal(back.count, 2);
        assert.equal(back.unchanneled, 1, 'Two → Four has no via');
        assert.deepEqual(back.channels, [{ name: 'Locked', count: 1 }]);
    });
});

describe('organization map of generated workspaces', function () {
    this.timeout(60_000);
    for (const [teams, workflows, seed] of [
        [4, 6, 1],
        [12, 20, 7],
        [30, 60, 3],
    ] as const) {
        it(`${teams} teams × ${workflows} workflows: the pairs are what was written, and sum to the workflows' hand-offs`, async () => {
            const generated = generateOrgWorkspace(teams, workflows, seed);
            const { documents } = await buildWorkspace(generated.files.map(file => ({ uri: `/ws/${file.name}`, text: file.text })));
            for (const document of documents) {
                const errors = (document.diagnostics ?? []).filter(d => d.severity === 1 && d.code !== 'no-system-access');
                assert.deepEqual(
                    errors.map(d => d.message),
                    [],
                    document.uri.toString(),
                );
            }
            const map = organizationMap(documents);
            const pairs = pairsOf(map);
            assert.deepEqual([...pairs.keys()].sort(), [...generated.pairs.keys()].sort());
            for (const [key, written] of generated.pairs) {
                const pair = pairs.get(key)!;
                assert.equal(pair.count, written.count, key);
                assert.equal(pair.unchanneled, written.unchanneled, key);
                assert.deepEqual(new Map(pair.channels.map(channel => [channel.name, channel.count])), written.channels, key);
            }
            const perWorkflow = documents.flatMap(workflowsOf).reduce((sum, workflow) => sum + summarize(workflow).handoffs, 0);
            const total = map.handoffs.reduce((sum, pair) => sum + pair.count, 0);
            assert.equal(total, perWorkflow);
            assert.equal(
                map.teams.reduce((sum, team) => sum + team.handoffsOut, 0),
                total,
            );
            assert.equal(
                map.teams.reduce((sum, team) => sum + team.handoffsIn, 0),
                total,
            );
            assert.equal(map.workflows, workflows);
            for (const pair of map.handoffs) {
                assert.equal(pair.channels.reduce((sum, channel) => sum + channel.count, 0) + pair.unchanneled, pair.count);
                assert.ok(pair.critical <= pair.count);
            }
        });
    }
});
