/**
 * The workspace configuration as the language applies it: `.workflowrc.json` is read and checked
 * (problems at the offending key or value), its severities and options change what validation
 * reports, the opt-in rules fire only when switched on, `ignore` keeps files out of what other
 * files see, and suppression comments silence findings (reporting the ones that silence nothing).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { URI } from 'langium';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { CODE_CATALOGUE } from '../../language/src/validation/code-catalogue.js';
import { IssueCodes } from '../../language/src/validation/issue-codes.js';
import { findSuppressions } from '../../language/src/validation/suppressions.js';
import { resolveWorkflowRc } from '../../language/src/workspace/workflow-rc.js';
import { diagnostics, loadText, loadWorkspace, ORG, textAt } from '../helpers.js';

const ROOT = URI.parse('file:///workspace');

function problemsOf(rc: string): Array<{ message: string; at: string }> {
    return resolveWorkflowRc(ROOT, { rc }).problems.map(problem => {
        const lines = rc.split('\n');
        const { start, end } = problem.range;
        return {
            message: problem.message,
            at: lines[start.line].slice(start.character, start.line === end.line ? end.character : undefined),
        };
    });
}

const HANDOFF = `${ORG}
workflow W {
  owner Sales
  step A { owner Sales.Rep; next B }
  step B { owner Billing.Clerk; next Done }
  end Done
}
`;

describe('configuration: .workflowrc.json', () => {
    it('accepts severities, [severity], [severity, option], ignore, comments and trailing commas', () => {
        const rc = resolveWorkflowRc(ROOT, {
            rc: `{
  // comments are allowed
  "ignore": ["drafts/**"],
  "rules": {
    "individual-owner": "off",
    "handoff-without-channel": ["error"],
    "max-handoffs": ["warning", 6],
    "require-sla": "warning",
  },
}`,
        });
        assert.deepEqual(rc.problems, []);
        assert.deepEqual(Object.fromEntries(rc.rules), {
            'individual-owner': { severity: 'off' },
            'handoff-without-channel': { severity: 'error' },
            'max-handoffs': { severity: 'warning', option: 6 },
            'require-sla': { severity: 'warning' },
        });
    });

    it('reports an unknown code at the key, a bad severity or option at the value', () => {
        const rc = `{
  "rules": {
    "handoff-without-channels": "error",
    "individual-owner": "loud",
    "unused": ["hint", 3],
    "max-handoffs": ["warning", -1],
    "require-sla": ["warning", 1, 2]
  }
}`;
        assert.deepEqual(problemsOf(rc), [
            {
                message: "Unknown code 'handoff-without-channels': did you mean 'handoff-without-channel'?",
                at: '"handoff-without-channels"',
            },
            {
                message: `Unknown severity "loud" for 'individual-owner': use "off", "hint", "info", "warning", "error".`,
                at: '"loud"',
            },
            { message: "'unused' takes no option: write just the severity.", at: '3' },
            {
                message:
                    "The option of 'max-handoffs' is the highest number of hand-offs a workflow may have: a whole number of 0 or more.",
                at: '-1',
            },
            { message: "The setting of 'require-sla' has at most two parts: [severity, option].", at: '2' },
        ]);
    });

    it('refuses to turn off syntax-error and unresolved-reference, and max-handoffs without its number', () => {
        const rc = `{ "rules": { "syntax-error": "off", "unresolved-reference": ["off"], "max-handoffs": "warning" } }`;
        assert.deepEqual(
            problemsOf(rc).map(p => p.message),
            [
                "'syntax-error' cannot be turned off.",
                "'unresolved-reference' cannot be turned off.",
                `'max-handoffs' needs the highest number of hand-offs a workflow may have: ["warning", 6].`,
            ],
        );
    });

    it('reports text that is not JSON, unknown settings and wrong shapes', () => {
        assert.match(problemsOf('{ "rules": { "unused": } }')[0].message, /is not valid JSON: value expected/);
        assert.deepEqual(
            problemsOf('{ "rule": {}, "ignore": "drafts", "rules": [] }').map(p => p.at),
            ['"rule"', '"drafts"', '[]'],
        );
        assert.deepEqual(problemsOf(''), []);
    });

    it('lists every code of the catalogue in its JSON Schema, with the severities each accepts', () => {
        const schema = JSON.parse(fs.readFileSync('schemas/workflowrc.schema.json', 'utf8'));
        const rules = schema.properties.rules;
        assert.equal(rules.additionalProperties, false);
        assert.deepEqual(
            Object.keys(rules.properties),
            CODE_CATALOGUE.map(entry => entry.code),
        );
        for (const entry of CODE_CATALOGUE) {
            const rule = rules.properties[entry.code];
            const severities = JSON.stringify(rule).match(/"enum":\[[^\]]*\]/g) ?? [];
            assert.ok(severities.length > 0, entry.code);
            for (const list of severities) {
                assert.equal(list.includes('"off"'), !entry.alwaysOn, `${entry.code}: ${list}`);
                assert.ok(list.includes('"warning"'), entry.code);
            }
            assert.ok(rule.description.startsWith(entry.summary), entry.code);
        }
    });
});

describe('configuration: severities and rules', () => {
    it('changes the severity of a code, or drops it when off', async () => {
        const plain = await loadText(HANDOFF);
        assert.equal(diagnostics(plain.main, IssueCodes.HandoffWithoutChannel)[0].severity, DiagnosticSeverity.Warning);
        const raised = await loadText(HANDOFF, { rc: '{ "rules": { "handoff-without-channel": "error" } }' });
        assert.equal(diagnostics(raised.main, IssueCodes.HandoffWithoutChannel)[0].severity, DiagnosticSeverity.Error);
        const off = await loadText(HANDOFF, { rc: '{ "rules": { "handoff-without-channel": "off" } }' });
        assert.deepEqual(diagnostics(off.main, IssueCodes.HandoffWithoutChannel), []);
    });

    it('applies the configuration only to documents below its root', async () => {
        const workspace = await loadWorkspace({ 'main.workflow': HANDOFF }, { rc: '{ "rules": { "handoff-without-channel": "off" } }' });
        assert.deepEqual(diagnostics(workspace.files['main.workflow'], IssueCodes.HandoffWithoutChannel), []);
        const elsewhere = resolveWorkflowRc(URI.parse('file:///other'), { rc: '{ "rules": { "handoff-without-channel": "off" } }' });
        const store = (await import('../../language/src/workspace/workflow-rc-store.js')).workflowRcOf(workspace.services.shared);
        assert.equal(store.forDocument(URI.parse('file:///workspace/main.workflow'))?.root.toString(), 'file:///workspace');
        store.set(elsewhere);
        assert.equal(store.forDocument(URI.parse('file:///workspace/main.workflow'))?.root.toString(), 'file:///workspace');
    });

    it('max-handoffs: reports a workflow with more hand-offs than the configured number, at its name', async () => {
        const text = `${ORG}
workflow W {
  owner Sales
  step A { owner Sales.Rep; next B via CRM }
  step B { owner Support.Agent; next C via CRM }
  step C { owner Sales.Rep; next Done }
  end Done
}
`;
        assert.deepEqual(diagnostics((await loadText(text)).main, IssueCodes.MaxHandoffs), [], 'off unless switched on');
        const allowed = await loadText(text, { rc: '{ "rules": { "max-handoffs": ["warning", 2] } }' });
        assert.deepEqual(diagnostics(allowed.main, IssueCodes.MaxHandoffs), []);
        const over = await loadText(text, { rc: '{ "rules": { "max-handoffs": ["error", 1] } }' });
        const [finding] = diagnostics(over.main, IssueCodes.MaxHandoffs);
        assert.equal(finding.message, "Workflow 'W' hands work between teams 2 times; at most 1 is allowed.");
        assert.equal(finding.severity, DiagnosticSeverity.Error);
        assert.equal(textAt(over.main, finding.range), 'W');
    });

    it('require-sla and require-duration: report what is missing when switched on', async () => {
        const text = `${ORG}
workflow W {
  owner Sales
  step A { owner Sales.Rep; duration 1h; next D }
  decision D { owner Sales.Rep; when "ok" -> Done; otherwise -> Done }
  end Done
}
`;
        const off = await loadText(text);
        assert.deepEqual(diagnostics(off.main, IssueCodes.RequireSla), []);
        assert.deepEqual(diagnostics(off.main, IssueCodes.RequireDuration), []);
        const on = await loadText(text, { rc: '{ "rules": { "require-sla": "warning", "require-duration": "info" } }' });
        const [sla] = diagnostics(on.main, IssueCodes.RequireSla);
        assert.equal(sla.message, "Workflow 'W' has no sla: add the time it must be done in, such as `sla 5d`.");
        assert.equal(sla.severity, DiagnosticSeverity.Warning);
        const durations = diagnostics(on.main, IssueCodes.RequireDuration);
        assert.deepEqual(
            durations.map(d => [d.message, d.severity, textAt(on.main, d.range)]),
            [["Decision 'D' has no duration: estimate how long it takes, such as `duration 4h`.", DiagnosticSeverity.Information, 'D']],
        );
    });
});

describe('configuration: ignore', () => {
    it('matches gitignore patterns, negations included, from .workflowrc.json and .workflowignore', () => {
        const rc = resolveWorkflowRc(ROOT, {
            rc: '{ "ignore": ["drafts/**", "!drafts/keep.workflow"] }',
            ignore: '# comment\n*.old.workflow\narchive/\n',
        });
        assert.equal(rc.isIgnored('drafts/a.workflow'), true);
        assert.equal(rc.isIgnored('drafts/deep/b.workflow'), true);
        assert.equal(rc.isIgnored('drafts/keep.workflow'), false);
        assert.equal(rc.isIgnored('drafts/'), false, 'the folder itself is entered: its files are matched one by one');
        assert.equal(rc.isIgnored('flows/x.old.workflow'), true);
        assert.equal(rc.isIgnored('archive/'), true);
        assert.equal(rc.isIgnored('flows/a.workflow'), false);
        assert.equal(rc.isIgnored('# comment'), false);
    });

    it('checks an ignored document alone: its names are not seen by the others, and it sees only its own', async () => {
        const workspace = await loadWorkspace(
            {
                'org.workflow': ORG,
                'main.workflow': 'workflow W { owner Sales; step A { owner Dormant; next Done }; end Done }',
                'problems/other.workflow':
                    'team Dormant { role Nobody }\nworkflow X { owner Sales; step B { owner Dormant; next Done }; end Done }',
            },
            { rc: '{ "ignore": ["problems/**"] }' },
        );
        const main = diagnostics(workspace.files['main.workflow'], IssueCodes.UnresolvedReference);
        assert.deepEqual(
            main.map(d => d.message),
            ["No team named 'Dormant' is declared in the workspace."],
        );
        const other = diagnostics(workspace.files['problems/other.workflow']);
        assert.deepEqual(
            other.map(d => [d.code, d.message]),
            [
                [IssueCodes.Unused, "Role 'Nobody' is never used in the workspace."],
                [IssueCodes.UnresolvedReference, "No team named 'Sales' is declared in the workspace."],
            ],
            'Sales is not seen from the ignored file; its own Dormant is',
        );
    });
});

describe('configuration: suppression comments', () => {
    it('finds directives in line comments only, with their codes and ranges', () => {
        const text = `step A { title "// workflow-disable unused" }
  // workflow-disable-next-line dead-end, no-end -- reason
/* // workflow-disable unused */
// workflow-disable unused
// workflow-disabled unused
`;
        const found = findSuppressions(text);
        assert.deepEqual(
            found.map(s => [s.kind, s.line, s.codes.map(c => c.code)]),
            [
                ['next-line', 1, ['dead-end', 'no-end']],
                ['file', 3, ['unused']],
            ],
        );
        assert.deepEqual(found[0].codes[1].range, { start: { line: 1, character: 42 }, end: { line: 1, character: 48 } });
    });

    it('counts lines as the editor does: a string cut by the end of its line, \\r\\n and a lone \\r', () => {
        const text = 'step "open \\\n// workflow-disable unused\r\n\r// workflow-disable no-end\n';
        assert.deepEqual(
            findSuppressions(text).map(s => [s.line, s.codes[0].range.start.character]),
            [
                [1, 20],
                [3, 20],
            ],
        );
    });

    it('silences a code on the next line, and reports a suppression that silences nothing', async () => {
        const { main } = await loadText(`${ORG}
workflow W {
  owner Sales
  step A {
    owner Sales.Rep
    // workflow-disable-next-line handoff-without-channel, individual-owner
    next B
  }
  step B { owner Billing.Clerk; next C }
  end C
}
`);
        assert.deepEqual(diagnostics(main, IssueCodes.HandoffWithoutChannel), []);
        const unused = diagnostics(main, IssueCodes.UnusedSuppression);
        assert.deepEqual(
            unused.map(d => [d.message, d.severity, textAt(main, d.range)]),
            [["Unused suppression: there is no 'individual-owner' on the next line.", DiagnosticSeverity.Hint, 'individual-owner']],
        );
    });

    it('silences a code for the rest of the file, not before the comment', async () => {
        const { main } = await loadText(`${ORG}
workflow V { owner Sales; step A { owner Sales.Rep; next B }; step B { owner Billing.Clerk; next Done }; end Done }
// workflow-disable handoff-without-channel
workflow W { owner Sales; step A { owner Sales.Rep; next B }; step B { owner Billing.Clerk; next Done }; end Done }
workflow X { owner Sales; step A { owner Sales.Rep; next B }; step B { owner Billing.Clerk; next Done }; end Done }
`);
        const left = diagnostics(main, IssueCodes.HandoffWithoutChannel);
        assert.equal(left.length, 1);
        assert.match(
            main.document.textDocument.getText({ start: { line: left[0].range.start.line, character: 0 }, end: left[0].range.end }),
            /^workflow V/,
        );
        assert.deepEqual(diagnostics(main, IssueCodes.UnusedSuppression), []);
    });

    it('does not silence syntax-error, and reports unknown codes', async () => {
        const { main } = await loadText('// workflow-disable-next-line syntax-error, nonsense\nworkflow {', { allowSyntaxErrors: true });
        assert.ok(diagnostics(main, IssueCodes.SyntaxError).length > 0);
        assert.deepEqual(
            diagnostics(main, IssueCodes.UnusedSuppression).map(d => d.message),
            [
                "'syntax-error' cannot be silenced: fix the text instead.",
                "'nonsense' is not a diagnostic code, so this suppression silences nothing.",
            ],
        );
    });

    it('gives unused-suppression the configured severity, or none when off', async () => {
        const text = `${ORG}\n// workflow-disable no-end\n`;
        const raised = await loadText(text, { rc: '{ "rules": { "unused-suppression": "warning" } }' });
        assert.equal(diagnostics(raised.main, IssueCodes.UnusedSuppression)[0].severity, DiagnosticSeverity.Warning);
        const off = await loadText(text, { rc: '{ "rules": { "unused-suppression": "off" } }' });
        assert.deepEqual(diagnostics(off.main, IssueCodes.UnusedSuppression), []);
    });
});
