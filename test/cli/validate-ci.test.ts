/**
 * `validate` in CI, run through the bundled command line: GitHub Actions annotations
 * (`--format github`), a warning budget (`--max-warnings`) and a baseline of accepted findings
 * (`--baseline`).
 */
import * as assert from 'node:assert/strict';
import { escapeData, escapeProperty } from '../../cli/formats/github.js';
import { runCli, scratchFolder } from './run-cli.js';

interface JsonFinding {
    file: string;
    line: number;
    code: string;
    message: string;
}

/** Two teams, a hand-off between them without a channel (warning), a decision without `otherwise` (info), an unused person (hint). */
const ANNOTATED = [
    'team A { }',
    'team B { person p "P" }',
    'workflow W {',
    '  owner A',
    '  decision D { owner A; when "x" -> S }',
    '  step S { owner B; next Done }',
    '  end Done',
    '}',
    '',
].join('\n');

/** Three hand-offs without a channel: exactly three warnings, no error. */
const THREE_WARNINGS =
    'team A { }\nteam B { }\nworkflow W {\n  owner A\n  step S { owner A; next T }\n  step T { owner B; next U }\n  step U { owner A; next V }\n  step V { owner B; next Done }\n  end Done\n}\n';

function expectUsageError(result: { code: number | null; stdout: string; stderr: string }, message: RegExp): void {
    assert.equal(result.code, 2, result.stdout + result.stderr);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /^workflow-architect: /);
    assert.match(result.stderr, message);
    assert.equal(result.stderr.trim().split('\n').length, 1, `one line: ${result.stderr}`);
}

describe('workflow-architect validate --format github', () => {
    const scratch = scratchFolder('wa-github-');

    it('escapes % CR LF in data, and : , as well in properties, as the Actions toolkit does', () => {
        assert.equal(escapeData('100% done\r\nnext: a, b'), '100%25 done%0D%0Anext: a, b');
        assert.equal(escapeProperty('a,b:c%d\ne\r'), 'a%2Cb%3Ac%25d%0Ae%0D');
        assert.equal(escapeProperty('%3A'), '%253A', 'an escape in the text is not taken for one');
    });

    it('prints one workflow command per finding: errors, warnings, and notices for infos and hints', () => {
        scratch.write('a,b:c%d.workflow', ANNOTATED);
        const result = runCli(['validate', '.', '--format', 'github'], scratch.path);
        assert.equal(result.stderr, '');
        assert.equal(result.code, 0);
        assert.deepEqual(result.stdout.split('\n'), [
            "::notice file=a%2Cb%3Ac%25d.workflow,line=2,col=17,endLine=2,endColumn=18,title=unused::Person 'p' is never used in the workspace.",
            '::notice file=a%2Cb%3Ac%25d.workflow,line=5,col=12,endLine=5,endColumn=13,title=missing-otherwise::' +
                "Decision 'D' has no `otherwise` branch: say where the work goes when no condition holds.",
            '::warning file=a%2Cb%3Ac%25d.workflow,line=5,col=37,endLine=5,endColumn=38,title=handoff-without-channel::' +
                'Hand-off from A to B has no channel: add `via <System>` to say how the work is passed on.',
            '',
        ]);
    });

    it('keeps one command per finding when a file name holds a newline', () => {
        scratch.write('two\nlines.workflow', THREE_WARNINGS);
        const result = runCli(['validate', '.', '--format', 'github'], scratch.path);
        const lines = result.stdout.trimEnd().split('\n');
        assert.equal(lines.length, 3);
        for (const line of lines) assert.match(line, /^::warning file=two%0Alines\.workflow,line=\d+,/);
    });

    it('writes errors as ::error and escapes a % in the message, with exit code 1', () => {
        scratch.write('e.workflow', 'team A% { }\n');
        const result = runCli(['validate', 'e.workflow', '--format', 'github'], scratch.path);
        assert.equal(result.code, 1);
        const error = result.stdout.split('\n').find(line => line.startsWith('::error '));
        assert.equal(
            error,
            '::error file=e.workflow,line=1,col=7,endLine=1,endColumn=8,title=syntax-error::unexpected character: ->%25<- at offset: 6, skipped 1 characters.',
        );
    });
});

describe('workflow-architect validate --max-warnings', () => {
    const scratch = scratchFolder('wa-max-warnings-');

    it('exits 0 with exactly N warnings and 1 with N+1, saying why on stderr', () => {
        scratch.write('flow.workflow', THREE_WARNINGS);
        const atLimit = runCli(['validate', '.', '--max-warnings', '3'], scratch.path);
        assert.equal(atLimit.code, 0, atLimit.stderr);
        assert.equal(atLimit.stderr, '');
        assert.equal(atLimit.stdout.trim().split('\n').length, 3);
        const over = runCli(['validate', '.', '--max-warnings=2'], scratch.path);
        assert.equal(over.code, 1);
        assert.equal(over.stdout, atLimit.stdout, 'the same findings are printed');
        assert.equal(over.stderr, 'workflow-architect: 3 warnings, more than --max-warnings 2 allows\n');
        assert.equal(runCli(['validate', '.'], scratch.path).code, 0, 'without the option warnings do not fail');
    });

    it('counts warnings only: infos and hints do not count, and errors fail whatever N is', () => {
        scratch.write('annotated.workflow', ANNOTATED);
        const oneWarning = runCli(['validate', '.', '--max-warnings', '1', '--format', 'json'], scratch.path);
        assert.equal(oneWarning.code, 0, 'one warning, one info, one hint');
        assert.equal(runCli(['validate', '.', '--max-warnings', '0', '--format', 'json'], scratch.path).code, 1);
        scratch.write('broken.workflow', 'team C {\n');
        assert.equal(runCli(['validate', '.', '--max-warnings', '100'], scratch.path).code, 1);
    });

    for (const value of ['-1', 'many', '1.5']) {
        it(`refuses --max-warnings ${value} with exit 2`, () => {
            scratch.write('flow.workflow', THREE_WARNINGS);
            expectUsageError(runCli(['validate', '.', `--max-warnings=${value}`], scratch.path), /--max-warnings/);
        });
    }
});

describe('workflow-architect validate --baseline', () => {
    const scratch = scratchFolder('wa-baseline-');

    /** Writes the JSON report of the current files as `baseline.json`. */
    function recordBaseline(): JsonFinding[] {
        const result = runCli(['validate', '.', '--format', 'json'], scratch.path);
        scratch.write('baseline.json', result.stdout);
        return (JSON.parse(result.stdout) as { diagnostics: JsonFinding[] }).diagnostics;
    }

    function report(...args: string[]): { code: number | null; findings: JsonFinding[]; files: number; stderr: string } {
        const result = runCli(['validate', '.', '--baseline', 'baseline.json', '--format', 'json', ...args], scratch.path);
        const parsed = JSON.parse(result.stdout) as { files: number; diagnostics: JsonFinding[] };
        return { code: result.code, findings: parsed.diagnostics, files: parsed.files, stderr: result.stderr };
    }

    it('reports only a new finding: a fixed one is gone and one moved to another line stays accepted', () => {
        scratch.write(
            'flow.workflow',
            'team A { }\nteam B { }\nsystem Mail { owner A }\nworkflow W {\n  owner A\n  step S { owner A; next T }\n  step T { owner B; next U }\n  step U { owner A; next Done }\n  end Done\n}\n',
        );
        const recorded = recordBaseline();
        assert.deepEqual(
            recorded.map(finding => [finding.line, finding.code]),
            [
                [3, 'unused'],
                [6, 'handoff-without-channel'],
                [7, 'handoff-without-channel'],
            ],
        );
        // Fixed: Mail is now used (no more `unused`) on the T → U hand-off (no more warning there);
        // moved: the S → T hand-off goes down four lines; new: a hand-off from U to a new step X of team C.
        scratch.write(
            'flow.workflow',
            'team A { }\nteam B { }\nteam C { }\nsystem Mail { owner A }\n// moved\n\n\nworkflow W {\n  owner A\n  step S { owner A; next T }\n  step T { owner B; next U via Mail }\n  step U { owner A; next X }\n  step X { owner C; next Done }\n  end Done\n}\n',
        );
        const all = runCli(['validate', '.', '--format', 'json'], scratch.path);
        assert.equal((JSON.parse(all.stdout) as { diagnostics: unknown[] }).diagnostics.length, 2, 'the moved and the new hand-off');
        const { code, findings, files, stderr } = report();
        assert.equal(stderr, '');
        assert.equal(code, 0);
        assert.equal(files, 1);
        assert.deepEqual(
            findings.map(finding => [finding.line, finding.code, finding.message]),
            [[12, 'handoff-without-channel', 'Hand-off from A to C has no channel: add `via <System>` to say how the work is passed on.']],
        );
        const text = runCli(['validate', '.', '--baseline', 'baseline.json'], scratch.path);
        assert.equal(text.stdout.trim().split('\n').length, 1);
        assert.match(text.stdout, /^flow\.workflow:12:/);
    });

    it('counts only new findings for the exit code and --max-warnings', () => {
        scratch.write('flow.workflow', THREE_WARNINGS + 'team Broken {\n');
        recordBaseline();
        assert.equal(runCli(['validate', '.', '--max-warnings', '0'], scratch.path).code, 1);
        const accepted = report('--max-warnings', '0');
        assert.deepEqual(accepted.findings, []);
        assert.equal(accepted.code, 0, 'the accepted error and warnings fail nothing');
        scratch.write(
            'more.workflow',
            'team C { }\nteam D { }\nworkflow X { owner C; step S { owner C; next T }; step T { owner D; next Done }; end Done }\n',
        );
        const added = report('--max-warnings', '0');
        assert.deepEqual(
            added.findings.map(finding => [finding.file, finding.code]),
            [['more.workflow', 'handoff-without-channel']],
        );
        assert.equal(added.code, 1);
        assert.equal(added.stderr, 'workflow-architect: 1 warning, more than --max-warnings 0 allows\n');
        assert.equal(report('--max-warnings', '1').code, 0);
    });

    it('matches identical findings one for one, and files whatever their spelling', () => {
        // Two steps with two durations each: the same error message twice in one file.
        scratch.write(
            'flow.workflow',
            'team A { }\nworkflow W {\n  owner A\n  step S { owner A; duration 1h; duration 2h; next T }\n  step T { owner A; duration 1h; duration 2h; next Done }\n  end Done\n}\n',
        );
        const found = runCli(['validate', '.', '--format', 'json'], scratch.path);
        const [first, second] = (JSON.parse(found.stdout) as { diagnostics: JsonFinding[] }).diagnostics;
        assert.equal(first.message, second.message);
        const entry = { file: './flow.workflow', code: first.code, message: first.message };
        scratch.write('baseline.json', JSON.stringify({ files: 1, diagnostics: [entry] }));
        const one = report();
        assert.deepEqual(
            one.findings.map(finding => finding.line),
            [5],
            'one entry absorbs one finding',
        );
        assert.equal(one.code, 1);
        scratch.write('baseline.json', JSON.stringify({ diagnostics: [entry, { ...entry, file: 'flow.workflow', line: 99 }] }));
        const both = report();
        assert.deepEqual(both.findings, []);
        assert.equal(both.code, 0);
    });

    it('works with --format sarif and github too', () => {
        scratch.write('flow.workflow', THREE_WARNINGS);
        recordBaseline();
        const sarif = runCli(['validate', '.', '--baseline', 'baseline.json', '--format', 'sarif'], scratch.path);
        assert.deepEqual((JSON.parse(sarif.stdout) as { runs: Array<{ results: unknown[] }> }).runs[0].results, []);
        const github = runCli(['validate', '.', '--baseline', 'baseline.json', '--format', 'github'], scratch.path);
        assert.equal(github.stdout, '');
        assert.equal(github.code, 0);
    });

    const badBaselines: Array<[string, string | undefined, RegExp]> = [
        ['a missing file', undefined, /baseline\.json: no such file or folder/],
        ['invalid JSON', '{"diagnostics": [', /baseline\.json: not a baseline: invalid JSON/],
        ['JSON without diagnostics', '{"files": 1}', /not a baseline: expected an object with a "diagnostics" list/],
        ['a list instead of a report', '[]', /expected an object with a "diagnostics" list/],
        [
            'an entry without a message',
            '{"diagnostics": [{"file": "a.workflow", "code": "unused"}]}',
            /diagnostics\[0\] has no "message" text/,
        ],
        ['an entry that is not an object', '{"diagnostics": [null]}', /diagnostics\[0\] is not an object/],
        ['a binary file', '\u0000\u0001', /binary file/],
    ];
    for (const [what, content, message] of badBaselines) {
        it(`exits 2 with one line for ${what}`, () => {
            scratch.write('flow.workflow', THREE_WARNINGS);
            if (content !== undefined) scratch.write('baseline.json', content);
            expectUsageError(runCli(['validate', '.', '--baseline', 'baseline.json'], scratch.path), message);
        });
    }

    it('exits 2 for a folder given as the baseline', () => {
        scratch.write('flow.workflow', THREE_WARNINGS);
        scratch.write('folder/x', '');
        expectUsageError(runCli(['validate', '.', '--baseline', 'folder'], scratch.path), /folder: is a folder/);
    });
});
