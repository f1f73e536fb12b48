/**
 * The options of each command, through the bundled command line: only a command's own options
 * are accepted, every usage error is one line naming the option and the command, and --help
 * describes each command.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli as run } from './run-cli.js';

const FILE = 'examples/purchase-to-pay.workflow';

function assertUsageError(args: string[], expected: string): void {
    const result = run(args);
    assert.equal(result.code, 2, `exit code of ${args.join(' ')}`);
    assert.equal(result.stdout, '');
    assert.equal(result.stderr, `workflow-architect: ${expected}\n`, 'exactly one line');
}

describe('workflow-architect options', function () {
    this.timeout(30_000);

    describe('errors', () => {
        it('refuses an option of another command', () => {
            assertUsageError(
                ['validate', 'examples', '--direction', 'sideways'],
                "validate: unknown option '--direction' (it is an option of render)",
            );
            assertUsageError(
                ['matrix', 'examples', '--workflow', 'Nope'],
                "matrix: unknown option '--workflow' (it is an option of render or simulate)",
            );
            assertUsageError(['validate', 'examples', '-o', 'out.txt'], "validate: unknown option '-o' (it is an option of render or org)");
        });

        for (const command of [
            ['validate', 'examples'],
            ['matrix', 'examples'],
            ['render', FILE, '--format', 'svg'],
        ]) {
            it(`refuses an unknown option of ${command[0]}`, () => {
                assertUsageError(
                    [...command, '--colour=always'],
                    `${command[0]}: unknown option '--colour' (see 'workflow-architect ${command[0]} --help')`,
                );
            });
        }

        it('refuses a value outside the choices', () => {
            assertUsageError(
                ['validate', 'examples', '--format', 'svg'],
                "validate: invalid value 'svg' for option '--format' (use text, json, sarif or github)",
            );
            assertUsageError(['matrix', 'examples', '--format=json'], "matrix: invalid value 'json' for option '--format' (use md or csv)");
            assertUsageError(
                ['render', FILE, '--format', 'svg', '--direction', 'sideways'],
                "render: invalid value 'sideways' for option '--direction' (use right or down)",
            );
        });

        it('refuses a missing value', () => {
            assertUsageError(['validate', 'examples', '--format'], "validate: option '--format' needs a value");
            assertUsageError(['render', FILE, '--format', 'svg', '-o'], "render: option '-o' needs a value");
            assertUsageError(
                ['render', FILE, '--workflow', '--format', 'svg'],
                "render: option '--workflow' needs a value, not the option '--format' (write --workflow=--format for a value that starts with '-')",
            );
        });

        it('refuses a missing or unknown command with the usage', () => {
            const usage =
                "(usage: workflow-architect validate|render|matrix|org|impact|simulate ...; 'workflow-architect --help' lists the commands)";
            assertUsageError([], `no command given ${usage}`);
            assertUsageError(['lint', 'examples'], `unknown command 'lint' ${usage}`);
        });
    });

    describe('help', () => {
        it('lists every command with one line each for --help and help', () => {
            const result = run(['--help']);
            assert.equal(result.code, 0, result.stderr);
            assert.equal(result.stderr, '');
            assert.match(result.stdout, /^usage: workflow-architect COMMAND/);
            for (const command of ['validate', 'render', 'matrix', 'help']) {
                assert.match(result.stdout, new RegExp(`^ {2}${command} +\\S.*$`, 'm'), command);
            }
            assert.equal(run(['help']).stdout, result.stdout);
        });

        const options: Record<string, string[]> = {
            validate: ['PATH...', '--format text|json'],
            render: ['FILE', '--workflow NAME', '--format svg|mermaid|bpmn|json', '-o, --out', '--direction right|down'],
            matrix: ['PATH...', '--format md|csv'],
        };
        for (const [command, described] of Object.entries(options)) {
            it(`describes ${command} and its options for ${command} --help`, () => {
                const result = run([command, '--help']);
                assert.equal(result.code, 0, result.stderr);
                assert.equal(result.stderr, '');
                assert.match(result.stdout, new RegExp(`^usage: workflow-architect ${command} `));
                for (const option of [...described, '-h, --help']) {
                    assert.ok(
                        result.stdout.split('\n').some(line => line.startsWith(`  ${option}`)),
                        `${option} is described:\n${result.stdout}`,
                    );
                }
                for (const other of Object.keys(options).filter(name => name !== command)) {
                    assert.doesNotMatch(result.stdout, new RegExp(`^ {2}${other} `, 'm'), 'only this command');
                }
                assert.equal(run(['help', command]).stdout, result.stdout);
                assert.equal(run([command, 'examples', '-h']).stdout, result.stdout);
            });
        }
    });

    describe('valid forms', () => {
        it('writes to the file given with -o, --out or --out=', () => {
            const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wa-options-'));
            try {
                const expected = run(['render', FILE, '--format', 'mermaid']).stdout;
                assert.match(expected, /^---\ntitle: "Purchase to pay"/);
                for (const out of [
                    ['-o', path.join(dir, 'a.mmd')],
                    ['--out', path.join(dir, 'b.mmd')],
                    [`--out=${path.join(dir, 'c.mmd')}`],
                ]) {
                    const result = run(['render', FILE, '--format', 'mermaid', ...out]);
                    assert.equal(result.code, 0, result.stderr);
                    assert.equal(result.stdout, '');
                }
                for (const name of ['a.mmd', 'b.mmd', 'c.mmd']) {
                    assert.equal(fs.readFileSync(path.join(dir, name), 'utf8'), expected, name);
                }
            } finally {
                fs.rmSync(dir, { recursive: true, force: true });
            }
        });

        it('accepts --format=json as --format json', () => {
            const inline = run(['validate', 'examples/problems', '--format=json']);
            const separate = run(['validate', 'examples/problems', '--format', 'json']);
            assert.equal(inline.code, 1, inline.stderr);
            assert.ok(JSON.parse(inline.stdout).diagnostics.length > 0);
            assert.equal(inline.stdout, separate.stdout);
            const graph = run(['render', FILE, '--format=json', '--direction=down']);
            assert.equal(graph.code, 0, graph.stderr);
            assert.equal(JSON.parse(graph.stdout).workflow, 'PurchaseToPay');
        });
    });
});
