/**
 * The command line under a workspace configuration: `.workflowrc.json` changes the same finding
 * as in the editor, a bad configuration exits 2 with one line, and `ignore` and
 * `.workflowignore` leave files out with gitignore semantics.
 */
import * as assert from 'node:assert/strict';
import { runCli as run, scratchFolder } from './run-cli.js';

const HANDOFF =
    'team T { role R }\nteam U { role R }\nworkflow W {\n  owner T\n  step A { owner T.R; next B }\n  step B { owner U.R; next Done }\n  end Done\n}\n';

function reported(args: string[], cwd: string): { code: number | null; findings: string[]; files: number } {
    const result = run([...args, '--format', 'json'], cwd);
    assert.equal(result.stderr, '', result.stderr);
    const report = JSON.parse(result.stdout) as { files: number; diagnostics: Array<Record<string, string | number>> };
    return { code: result.code, files: report.files, findings: report.diagnostics.map(d => `${d.file}:${d.line} ${d.severity} ${d.code}`) };
}

describe('workflow-architect and .workflowrc.json', () => {
    const scratch = scratchFolder('wa-rc-');
    const { write } = scratch;

    it('changes the severity of the same finding, or drops it, as configured', () => {
        write('flows/w.workflow', HANDOFF);
        assert.deepEqual(reported(['validate', 'flows'], scratch.path), {
            code: 0,
            files: 1,
            findings: ['flows/w.workflow:5 warning handoff-without-channel'],
        });
        write('flows/.workflowrc.json', '{ "rules": { "handoff-without-channel": "error" } }');
        assert.deepEqual(reported(['validate', 'flows'], scratch.path), {
            code: 1,
            files: 1,
            findings: ['flows/w.workflow:5 error handoff-without-channel'],
        });
        write('flows/.workflowrc.json', '{ "rules": { "handoff-without-channel": "off", "require-sla": "info" } }');
        assert.deepEqual(reported(['validate', 'flows'], scratch.path), {
            code: 0,
            files: 1,
            findings: ['flows/w.workflow:3 info require-sla'],
        });
    });

    it('takes the configuration of the nearest folder above a file given', () => {
        write('.workflowrc.json', '{ "rules": { "handoff-without-channel": "error" } }');
        write('deep/down/w.workflow', HANDOFF);
        assert.deepEqual(reported(['validate', 'deep/down/w.workflow'], scratch.path).findings, [
            'deep/down/w.workflow:5 error handoff-without-channel',
        ]);
        const render = run(['render', 'deep/down/w.workflow', '--format', 'json'], scratch.path);
        assert.equal(render.code, 0, render.stderr);
        assert.deepEqual(
            (JSON.parse(render.stdout) as { edges: Array<{ findings: Array<{ code: string; severity: string }> }> }).edges.flatMap(edge =>
                edge.findings.map(f => `${f.severity} ${f.code}`),
            ),
            ['error handoff-without-channel'],
        );
    });

    const badConfigurations: Array<[string, string, RegExp]> = [
        [
            'an unknown code',
            '{\n  "rules": {\n    "handof-without-channel": "error"\n  }\n}',
            /^workflow-architect: \.workflowrc\.json:3:5: Unknown code 'handof-without-channel'/,
        ],
        ['a bad severity', '{ "rules": { "unused": "loud" } }', /\.workflowrc\.json:1:24: Unknown severity "loud" for 'unused'/],
        ['a bad option', '{ "rules": { "max-handoffs": ["warning", "six"] } }', /\.workflowrc\.json:1:42: The option of 'max-handoffs' is/],
        ['syntax-error turned off', '{ "rules": { "syntax-error": "off" } }', /'syntax-error' cannot be turned off/],
        [
            'unresolved-reference turned off',
            '{ "rules": { "unresolved-reference": "off" } }',
            /'unresolved-reference' cannot be turned off/,
        ],
        ['text that is not JSON', '{ "rules": ', /\.workflowrc\.json:1:\d+: \.workflowrc\.json is not valid JSON/],
    ];
    for (const [what, text, message] of badConfigurations) {
        it(`exits 2 with one line for ${what}`, () => {
            write('w.workflow', HANDOFF);
            write('.workflowrc.json', text);
            for (const command of [
                ['validate', '.'],
                ['matrix', '.'],
                ['render', 'w.workflow', '--format', 'mermaid'],
            ]) {
                const result = run(command, scratch.path);
                assert.equal(result.code, 2, `${command[0]}: ${result.stdout}`);
                assert.equal(result.stdout, '');
                assert.match(result.stderr, message);
                assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
            }
        });
    }

    it('leaves out what ignore and .workflowignore name, with gitignore semantics and negation', () => {
        const broken = 'workflow X { owner Nobody; step S { owner Nobody; next Done }; end Done }\n';
        write('main.workflow', HANDOFF);
        write('drafts/a.workflow', broken);
        write('drafts/deep/b.workflow', broken);
        write('drafts/keep.workflow', 'team K { role R }\n');
        write('old/c.workflow', broken);
        write('notes/x.old.workflow', broken);
        write('.workflowrc.json', '{ "ignore": ["drafts/**", "!drafts/keep.workflow"] }');
        write('.workflowignore', '# archived flows\nold/\n*.old.workflow\n');
        const result = reported(['validate', '.'], scratch.path);
        assert.deepEqual(result, {
            code: 0,
            files: 2,
            // keep.workflow only: its team and role are unused.
            findings: [
                'drafts/keep.workflow:1 hint unused',
                'drafts/keep.workflow:1 hint unused',
                'main.workflow:5 warning handoff-without-channel',
            ],
        });
        // A folder left out whole is not entered, so a negation cannot bring back a file in it (as in git).
        write('.workflowignore', 'old/\n!old/c.workflow\n*.old.workflow\n');
        assert.equal(reported(['validate', '.'], scratch.path).files, 2);
        // Named on the command line, an ignored file is read all the same.
        assert.equal(run(['validate', 'old/c.workflow'], scratch.path).code, 1);
        const matrix = run(['matrix', '.', '--format', 'csv'], scratch.path);
        assert.equal(matrix.code, 0, matrix.stderr);
        assert.doesNotMatch(matrix.stdout, /\bX\b/);
    });
});
