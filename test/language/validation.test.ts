/**
 * Every diagnostic code of the language reference (`docs/language.md`): a snippet that must raise it (on the marked range, with
 * the right severity) and the corrected snippet that must not.
 */
import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { IssueCodes } from '../../language/src/validation/issue-codes.js';
import type { MarkedFile } from '../helpers.js';
import { diagnostics, loadText, loadWorkspace, ORG, textAt } from '../helpers.js';

/** Asserts exactly one diagnostic with the code, on the marked range, and returns it. */
function expectOne(file: MarkedFile, code: string, severity: DiagnosticSeverity) {
    const found = diagnostics(file, code);
    assert.equal(found.length, 1, `expected one ${code}, got: ${JSON.stringify(diagnostics(file).map(d => `${d.code}: ${d.message}`))}`);
    assert.equal(found[0].severity, severity);
    assert.ok(file.ranges.length > 0, 'the test marks the expected range');
    assert.deepEqual(found[0].range, file.ranges[0], `range covers '${textAt(file, found[0].range)}'`);
    return found[0];
}

function expectNone(file: MarkedFile, code: string) {
    assert.deepEqual(
        diagnostics(file, code).map(d => d.message),
        [],
    );
}

const flow = (body: string, header = 'owner Sales.Rep') => `${ORG}
workflow W {
  ${header}
  ${body}
}`;

describe('validation', () => {
    describe(IssueCodes.SyntaxError, () => {
        it('reports text that does not parse', async () => {
            const { main } = await loadText(flow('step <|{|> owner Sales.Rep; next Done }\n  end Done'), { allowSyntaxErrors: true });
            expectOne(main, IssueCodes.SyntaxError, DiagnosticSeverity.Error);
        });
        it('reports a zero duration', async () => {
            const { main } = await loadText(flow('step A { owner Sales.Rep; duration <|0h|>; next Done }\n  end Done'));
            expectOne(main, IssueCodes.SyntaxError, DiagnosticSeverity.Error);
        });
        it('reports a duration over 9999w, however many digits, and keeps it out of the figures', async () => {
            for (const huge of ['99999999999999999999d', `${'9'.repeat(400)}w`, '10000w', '100789921m']) {
                const { main } = await loadText(flow(`sla 1d\n  step A { owner Sales.Rep; duration <|${huge}|>; next Done }\n  end Done`));
                expectOne(main, IssueCodes.SyntaxError, DiagnosticSeverity.Error);
                const messages = diagnostics(main)
                    .map(d => d.message)
                    .join('\n');
                assert.match(messages, /at most 9999w/);
                assert.doesNotMatch(messages, /Infinity|e\+\d/);
                assert.ok(messages.length < 400, messages);
            }
            const { main } = await loadText(flow('sla 1d\n  step A { owner Sales.Rep; duration 9999w; next Done }\n  end Done'));
            expectNone(main, IssueCodes.SyntaxError);
            assert.match(
                diagnostics(main)
                    .map(d => d.message)
                    .join('\n'),
                /Critical path 69993d exceeds the SLA of 1d/,
            );
        });
        it('reports a repeated single clause', async () => {
            const { main } = await loadText(flow('step A { owner Sales.Rep; duration 1h; <|duration 2h|>; next Done }\n  end Done'));
            expectOne(main, IssueCodes.SyntaxError, DiagnosticSeverity.Error);
        });
        it('accepts well-formed text, newlines and semicolons alike', async () => {
            const { main } = await loadText(flow('step A { owner Sales.Rep; duration 1h\n next Done }\n  end Done'));
            expectNone(main, IssueCodes.SyntaxError);
        });
    });

    describe(IssueCodes.UnresolvedReference, () => {
        it('reports a name that is not declared', async () => {
            const { main } = await loadText(flow('step A { owner Sales.Rep; uses <|Nothing|>; next Done }\n  end Done'));
            const d = expectOne(main, IssueCodes.UnresolvedReference, DiagnosticSeverity.Error);
            assert.match(d.message, /No system named 'Nothing'/);
        });
        it('reports a name of the wrong kind and says what it is', async () => {
            const { main } = await loadText(flow('step A { owner Sales.Rep; uses <|Billing|>; next Done }\n  end Done'));
            const d = expectOne(main, IssueCodes.UnresolvedReference, DiagnosticSeverity.Error);
            assert.match(d.message, /'Billing' is a team, not a system/);
        });
        it('reports a member the team does not have', async () => {
            const { main } = await loadText(flow('step A { owner Sales.<|Clerk|>; next Done }\n  end Done'));
            expectOne(main, IssueCodes.UnresolvedReference, DiagnosticSeverity.Error);
        });
        it('reports a node of another workflow', async () => {
            const { main } = await loadText(`${ORG}
workflow Other { owner Sales; step X { owner Sales.Rep; next Y }; end Y }
workflow W { owner Sales; step A { owner Sales.Rep; next <|X|> }; end Done }`);
            expectOne(main, IssueCodes.UnresolvedReference, DiagnosticSeverity.Error);
        });
        it('resolves names declared in another file', async () => {
            const { files } = await loadWorkspace({
                'org.workflow': ORG,
                'flow.workflow': 'workflow W { owner Sales.Rep; step A { owner Billing.Clerk; uses Ledger; next Done }; end Done }',
            });
            expectNone(files['flow.workflow'], IssueCodes.UnresolvedReference);
        });
    });

    describe('one finding per typo', () => {
        it('reports an unknown team in an owner once, not its member as well', async () => {
            const { main } = await loadText(flow('step A { owner <|Marketing|>.Controller; next Done }\n  end Done'));
            expectOne(main, IssueCodes.UnresolvedReference, DiagnosticSeverity.Error);
            assert.match(diagnostics(main, IssueCodes.UnresolvedReference)[0].message, /team named 'Marketing'/);
        });
    });

    describe('messages', () => {
        it('shortens a name of thousands of characters in messages', async () => {
            const { main } = await loadText(`team ${'Long'.repeat(5000)} { }`);
            const [unused] = diagnostics(main, IssueCodes.Unused);
            assert.ok(unused.message.length < 200, unused.message);
            assert.match(unused.message, /LongLong…LongLong \(20000 characters\)/);
        });
        it('cuts a message quoting a token of many short words', async () => {
            const { main } = await loadText(`team T { role ${'a" '.repeat(5000)} }`, { allowSyntaxErrors: true });
            assert.ok(diagnostics(main).length > 0);
            for (const diagnostic of diagnostics(main))
                assert.ok(diagnostic.message.length <= 1100, `${diagnostic.message.length} characters`);
        });
    });

    describe(IssueCodes.DuplicateName, () => {
        it('reports two top-level declarations with one name across files, on both', async () => {
            const { files } = await loadWorkspace({
                'a.workflow': `${ORG}\nteam <|Ops|> { role X }`,
                'b.workflow': 'system <|Ops|> { owner Sales }',
            });
            expectOne(files['a.workflow'], IssueCodes.DuplicateName, DiagnosticSeverity.Error);
            const d = expectOne(files['b.workflow'], IssueCodes.DuplicateName, DiagnosticSeverity.Error);
            assert.match(d.message, /team in a\.workflow/);
        });
        it('reports two members of a team with one name', async () => {
            const { main } = await loadText(`team T { role A; person <|A|> }`);
            assert.equal(diagnostics(main, IssueCodes.DuplicateName).length, 2);
            assert.ok(diagnostics(main, IssueCodes.DuplicateName).some(d => JSON.stringify(d.range) === JSON.stringify(main.ranges[0])));
        });
        it('reports two nodes of a workflow with one name', async () => {
            const { main } = await loadText(flow('step A { owner Sales.Rep; next Done }\n  end Done\n  end <|Done|>'));
            assert.equal(diagnostics(main, IssueCodes.DuplicateName).length, 2);
        });
        it('allows the same node name in two workflows and the same role name in two teams', async () => {
            const { main } = await loadText(`${ORG}
team Other { role Rep }
workflow W1 { owner Sales; step A { owner Sales.Rep; next Done }; end Done }
workflow W2 { owner Sales; step A { owner Other.Rep; next Done }; end Done }`);
            expectNone(main, IssueCodes.DuplicateName);
        });
    });

    describe(IssueCodes.MissingOwner, () => {
        it('reports a step without owner', async () => {
            const { main } = await loadText(flow('step <|A|> { next Done }\n  end Done'));
            expectOne(main, IssueCodes.MissingOwner, DiagnosticSeverity.Error);
        });
        it('reports a workflow, decision and system without owner', async () => {
            const { main } = await loadText(`${ORG}
system Fax { }
workflow W { decision D { when "x" -> Done; otherwise -> Done }; end Done }`);
            assert.deepEqual(
                diagnostics(main, IssueCodes.MissingOwner)
                    .map(d => d.message.split(' has')[0])
                    .sort(),
                ["Decision 'D'", "System 'Fax'", "Workflow 'W'"],
            );
        });
        it('accepts owners that are teams, roles or people', async () => {
            const { main } = await loadText(flow('step A { owner Sales; next B }\n  step B { owner Sales.Rep; next Done }\n  end Done'));
            expectNone(main, IssueCodes.MissingOwner);
        });
    });

    describe(IssueCodes.DuplicateOwner, () => {
        it('reports each extra owner clause', async () => {
            const { main } = await loadText(flow('step A { owner Sales.Rep; <|owner Sales.Manager|>; next Done }\n  end Done'));
            expectOne(main, IssueCodes.DuplicateOwner, DiagnosticSeverity.Error);
        });
        it('accepts one owner', async () => {
            const { main } = await loadText(flow('step A { owner Sales.Rep; next Done }\n  end Done'));
            expectNone(main, IssueCodes.DuplicateOwner);
        });
    });

    describe(IssueCodes.DeadEnd, () => {
        it('reports a step with no outgoing transition', async () => {
            const { main } = await loadText(flow('step <|A|> { owner Sales.Rep }\n  end Done'));
            expectOne(main, IssueCodes.DeadEnd, DiagnosticSeverity.Error);
        });
        it('reports a decision without branches', async () => {
            const { main } = await loadText(flow('decision <|D|> { owner Sales.Rep }\n  end Done'));
            expectOne(main, IssueCodes.DeadEnd, DiagnosticSeverity.Error);
        });
        it('accepts steps with next and ends without', async () => {
            const { main } = await loadText(flow('step A { owner Sales.Rep; next Done }\n  end Done'));
            expectNone(main, IssueCodes.DeadEnd);
        });
    });

    describe(IssueCodes.NoSystemAccess, () => {
        it('reports a system the owning team may not use', async () => {
            const { main } = await loadText(flow('step A { owner Sales.Rep; uses CRM, <|Ledger|>; next Done }\n  end Done'));
            const d = expectOne(main, IssueCodes.NoSystemAccess, DiagnosticSeverity.Error);
            assert.match(d.message, /Sales uses Ledger, but Ledger only gives access to Billing/);
        });
        it('reports automation by, and hand-off via, a system the team may not use', async () => {
            const { main } = await loadText(
                flow(
                    'step A { owner Billing.Clerk; automated by CRM; next B via CRM }\n  step B { owner Sales.Rep; next Done }\n  end Done',
                ),
            );
            assert.equal(diagnostics(main, IssueCodes.NoSystemAccess).length, 2);
        });
        it('accepts systems that admit the team or have no access list', async () => {
            const { main } = await loadText(flow('step A { owner Support.Agent; uses CRM, Chat; next Done }\n  end Done'));
            expectNone(main, IssueCodes.NoSystemAccess);
        });
    });

    describe(IssueCodes.InvalidRole, () => {
        it('reports a person whose role is not a role of the team', async () => {
            const { main } = await loadText(`team A { role X; person p as <|Y|> }\nteam B { role Y }`);
            const d = expectOne(main, IssueCodes.InvalidRole, DiagnosticSeverity.Error);
            assert.match(d.message, /its roles are X/);
            expectNone(main, IssueCodes.UnresolvedReference);
        });
        it('reports a person given as a role', async () => {
            const { main } = await loadText(`team A { role X; person p; person q as <|p|> }`);
            expectOne(main, IssueCodes.InvalidRole, DiagnosticSeverity.Error);
        });
        it('accepts a role of the same team', async () => {
            const { main } = await loadText(`team A { role X; person p as X }`);
            expectNone(main, IssueCodes.InvalidRole);
        });
    });

    describe(IssueCodes.HandoffWithoutChannel, () => {
        it('reports a hand-off between teams without via', async () => {
            const { main } = await loadText(
                flow('step A { owner Sales.Rep; next <|B|> }\n  step B { owner Billing.Clerk; next Done }\n  end Done'),
            );
            const d = expectOne(main, IssueCodes.HandoffWithoutChannel, DiagnosticSeverity.Warning);
            assert.match(d.message, /from Sales to Billing/);
        });
        it('reports a decision branch that hands off without via', async () => {
            const { main } = await loadText(
                flow(
                    'decision D { owner Sales.Rep; when "x" -> <|B|>; otherwise -> Done }\n  step B { owner Billing; next Done }\n  end Done',
                ),
            );
            expectOne(main, IssueCodes.HandoffWithoutChannel, DiagnosticSeverity.Warning);
        });
        it('accepts hand-offs with via, same-team transitions and transitions into ends', async () => {
            const { main } = await loadText(
                flow(
                    'step A { owner Sales.Rep; next B via CRM }\n  step B { owner Support.Agent; next C }\n  step C { owner Support; next Done }\n  end Done',
                ),
            );
            expectNone(main, IssueCodes.HandoffWithoutChannel);
        });
    });

    describe(IssueCodes.IndividualOwner, () => {
        it('reports a person as owner and suggests their role', async () => {
            const { main } = await loadText(flow('step A { owner <|Sales.bob|>; next Done }\n  end Done'));
            const d = expectOne(main, IssueCodes.IndividualOwner, DiagnosticSeverity.Warning);
            assert.match(d.message, /Sales\.Rep/);
        });
        it('accepts roles and teams as owners', async () => {
            const { main } = await loadText(flow('step A { owner Sales.Rep; next B }\n  step B { owner Sales; next Done }\n  end Done'));
            expectNone(main, IssueCodes.IndividualOwner);
        });
    });

    describe(IssueCodes.Unreachable, () => {
        it('reports a node no path from the start reaches', async () => {
            const { main } = await loadText(
                flow('step A { owner Sales.Rep; next Done }\n  step <|B|> { owner Sales.Rep; next Done }\n  end Done'),
            );
            expectOne(main, IssueCodes.Unreachable, DiagnosticSeverity.Warning);
        });
        it('accepts nodes reached through loops and branches', async () => {
            const { main } = await loadText(
                flow(
                    'step A { owner Sales.Rep; next D }\n  decision D { owner Sales.Rep; when "again" -> A; otherwise -> Done }\n  end Done',
                ),
            );
            expectNone(main, IssueCodes.Unreachable);
        });
    });

    describe(IssueCodes.NoEnd, () => {
        it('reports a workflow without an end', async () => {
            const { main } = await loadText(`${ORG}\nworkflow <|W|> { owner Sales; step A { owner Sales.Rep; next A } }`);
            expectOne(main, IssueCodes.NoEnd, DiagnosticSeverity.Warning);
        });
        it('accepts a workflow with an end', async () => {
            const { main } = await loadText(flow('step A { owner Sales.Rep; next Done }\n  end Done'));
            expectNone(main, IssueCodes.NoEnd);
        });
    });

    describe(IssueCodes.SlaExceeded, () => {
        it('reports a critical path longer than the SLA with both durations and the path', async () => {
            const { main } = await loadText(
                flow(`<|sla 1d|>
  step A { owner Sales.Rep; duration 20h; next B, C }
  step B { owner Sales.Rep; duration 1h; next Done }
  step C { owner Sales.Rep; duration 5h; next Done }
  end Done`),
            );
            const d = expectOne(main, IssueCodes.SlaExceeded, DiagnosticSeverity.Warning);
            assert.match(d.message, /Critical path 1d 1h exceeds the SLA of 1d: A → C → Done/);
        });
        it('ignores rework loops and accepts a path within the SLA', async () => {
            const { main } = await loadText(
                flow(`sla 1w
  step A { owner Sales.Rep; duration 2d; next D }
  decision D { owner Sales.Rep; duration 1d; when "redo" -> A; otherwise -> Done }
  end Done`),
            );
            expectNone(main, IssueCodes.SlaExceeded);
        });
        it('counts a week as seven days', async () => {
            const { main } = await loadText(flow('sla 1w\n  step A { owner Sales.Rep; duration 7d; next Done }\n  end Done'));
            expectNone(main, IssueCodes.SlaExceeded);
        });
    });

    describe(IssueCodes.EscalationToOwner, () => {
        it('reports an escalation to the node owner', async () => {
            const { main } = await loadText(flow('step A { owner Sales.Rep; escalate after 1d to <|Sales.Rep|>; next Done }\n  end Done'));
            expectOne(main, IssueCodes.EscalationToOwner, DiagnosticSeverity.Warning);
        });
        it('accepts an escalation to someone else', async () => {
            const { main } = await loadText(
                flow(
                    'step A { owner Sales.Rep; escalate after 1d to Sales.Manager; next B }\n  step B { owner Sales; escalate after 1d to Sales.Manager; next Done }\n  end Done',
                ),
            );
            expectNone(main, IssueCodes.EscalationToOwner);
        });
    });

    describe(IssueCodes.MissingOtherwise, () => {
        it('reports a decision without otherwise', async () => {
            const { main } = await loadText(flow('decision <|D|> { owner Sales.Rep; when "x" -> Done }\n  end Done'));
            expectOne(main, IssueCodes.MissingOtherwise, DiagnosticSeverity.Information);
        });
        it('accepts a decision with otherwise', async () => {
            const { main } = await loadText(flow('decision D { owner Sales.Rep; when "x" -> Done; otherwise -> Done }\n  end Done'));
            expectNone(main, IssueCodes.MissingOtherwise);
        });
    });

    describe(IssueCodes.Unused, () => {
        it('reports a team, role, person or system nothing refers to', async () => {
            const { main } = await loadText(`team <|Idle|> { role R }\nsystem Fax { owner Idle.R }`);
            const unused = diagnostics(main, IssueCodes.Unused);
            assert.deepEqual(
                unused.map(d => d.message),
                ["System 'Fax' is never used in the workspace."],
            );
            assert.equal(unused[0].severity, DiagnosticSeverity.Hint);
        });
        it('counts references from other files', async () => {
            const { files } = await loadWorkspace({
                'org.workflow': 'team T { role R; role Spare }\nsystem S { owner T.R }',
                'flow.workflow': 'workflow W { owner T.R; step A { owner T; uses S; next Done }; end Done }',
            });
            assert.deepEqual(
                diagnostics(files['org.workflow'], IssueCodes.Unused).map(d => d.message),
                ["Role 'Spare' is never used in the workspace."],
            );
        });
    });
});
