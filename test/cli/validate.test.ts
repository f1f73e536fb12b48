/**
 * The bundled command line, run as a user runs it: `node bin/workflow-architect.cjs validate …`.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { runCli as run, scratchFolder } from './run-cli.js';
import { IssueCodes } from '../../language/src/validation/issue-codes.js';

describe('workflow-architect validate', () => {
    const scratch = scratchFolder('wa-cli-');
    const { write } = scratch;

    it('exits 0 with no output on the bundled examples', () => {
        const result = run(['validate', 'examples']);
        assert.equal(result.stderr, '');
        assert.equal(result.stdout, '');
        assert.equal(result.code, 0);
    });

    it('shows every diagnostic code of the language on examples/problems, as JSON', () => {
        const result = run(['validate', 'examples/problems', '--format', 'json']);
        assert.equal(result.code, 1);
        const report = JSON.parse(result.stdout) as { files: number; diagnostics: Array<Record<string, unknown>> };
        assert.equal(report.files, fs.readdirSync('examples/problems').filter(name => name.endsWith('.workflow')).length);
        const codes = new Set(report.diagnostics.map(d => d.code));
        assert.deepEqual(
            [...Object.values(IssueCodes)].filter(code => !codes.has(code)),
            [],
        );
        for (const d of report.diagnostics) {
            assert.deepEqual(Object.keys(d), ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'message']);
            assert.match(String(d.file), /^examples\/problems\/[a-z-]+\.workflow$/);
        }
    });

    it('prints file:line:column severity code message, 1-based, and exits 1 on errors', () => {
        write('flow.workflow', 'team T { role R }\nworkflow W {\n  owner T.R\n  step A { owner T.R }\n  end Done\n}\n');
        const result = run(['validate', '.'], scratch.path);
        assert.equal(result.code, 1);
        const lines = result.stdout.trim().split('\n');
        assert.ok(
            lines.includes(
                "flow.workflow:4:8 error dead-end Work stops at 'A': it has no outgoing transition. Add `next Target`, or make it an `end`.",
            ),
            result.stdout,
        );
        assert.ok(
            lines.includes("flow.workflow:5:7 warning unreachable 'Done' is unreachable: no path from the start 'A' leads to it."),
            result.stdout,
        );
    });

    it('exits 0 when there are only warnings, and reports JSON ranges 1-based', () => {
        write(
            'a.workflow',
            'team T { role R }\nteam U { role R }\nworkflow W { owner T.R; step A { owner T.R; next B }; step B { owner U.R; next Done }; end Done }\n',
        );
        const result = run(['validate', 'a.workflow', '--format=json'], scratch.path);
        assert.equal(result.code, 0);
        const report = JSON.parse(result.stdout);
        assert.deepEqual(
            report.diagnostics.map((d: { code: string; line: number; column: number; endColumn: number }) => [
                d.code,
                d.line,
                d.column,
                d.endColumn,
            ]),
            [[IssueCodes.HandoffWithoutChannel, 3, 50, 51]],
        );
    });

    it('loads every file of the folders given as one workspace, recursively', () => {
        write('org/teams.workflow', 'team T { role R }\nsystem S { owner T.R }\n');
        write('flows/deep/w.workflow', 'workflow W { owner T.R; step A { owner T.R; uses S; next Done }; end Done }\n');
        write('notes.txt', 'not a workflow');
        const result = run(['validate', 'org', 'flows', '--format', 'json'], scratch.path);
        assert.equal(result.code, 0, result.stdout + result.stderr);
        assert.deepEqual(JSON.parse(result.stdout), { files: 2, diagnostics: [] });
    });

    const badInputs: Array<[string, () => string[], RegExp]> = [
        ['a missing path', () => ['validate', 'missing.workflow'], /missing\.workflow: no such file or folder/],
        [
            'a folder without workflows',
            () => {
                write('empty/readme.txt', 'x');
                return ['validate', 'empty'];
            },
            /no \.workflow files/,
        ],
        [
            'a binary file',
            () => {
                write('bin.workflow', Buffer.from([0x74, 0x65, 0x00, 0x01, 0xff]));
                return ['validate', 'bin.workflow'];
            },
            /binary file/,
        ],
        [
            'a non-UTF-8 file',
            () => {
                write('latin1.workflow', Buffer.from('team \xe9quipe { }', 'latin1'));
                return ['validate', 'latin1.workflow'];
            },
            /not valid UTF-8/,
        ],
        [
            'a huge file',
            () => {
                write('huge.workflow', Buffer.alloc(17 * 1024 * 1024, 0x20));
                return ['validate', 'huge.workflow'];
            },
            /too large/,
        ],
        ['no paths', () => ['validate'], /validate: no PATH given/],
        [
            'an unknown format',
            () => {
                write('a.workflow', '');
                return ['validate', 'a.workflow', '--format', 'xml'];
            },
            /validate: invalid value 'xml' for option '--format'/,
        ],
        ['an unknown option', () => ['validate', '--frobnicate'], /validate: unknown option '--frobnicate'/],
        ['an unknown command', () => ['explode'], /unknown command 'explode'/],
    ];
    for (const [what, args, message] of badInputs) {
        it(`exits 2 with one clear line for ${what}`, () => {
            const result = run(args(), scratch.path);
            assert.equal(result.code, 2);
            assert.equal(result.stdout, '');
            assert.match(result.stderr, message);
            assert.equal(result.stderr.trim().split('\n').length, 1, `one line: ${result.stderr}`);
            assert.doesNotMatch(result.stderr, /\bat .+:\d+:\d+/, 'no stack trace');
        });
    }
});
