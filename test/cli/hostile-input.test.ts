/**
 * The command line on paths that are not plain workflow files: pipes, devices, folders where a
 * file is expected, other kinds of file, symbolic links, odd names, a closed output. Every
 * command classifies its paths the same way; nothing hangs, grows without bound or prints an
 * internal error.
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli, scratchFolder } from './run-cli.js';

const BIN = path.resolve('bin/workflow-architect.cjs');
const SERVER_BIN = path.resolve('bin/workflow-language-server.cjs');

/** Runs the command line with a time limit, so a hang fails the test instead of stalling it. */
function run(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
    const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 20_000 });
    assert.notEqual(result.signal, 'SIGTERM', `timed out: ${args.join(' ')}`);
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function assertOneLineError(result: { code: number | null; stdout: string; stderr: string }, message: RegExp): void {
    assert.equal(result.code, 2, result.stderr);
    assert.match(result.stderr, message);
    assert.equal(result.stderr.trim().split('\n').length, 1, `one line: ${result.stderr}`);
    assert.doesNotMatch(result.stderr, /internal error|\bat .+:\d+:\d+|service registry|EISDIR/);
}

describe('workflow-architect on hostile paths', function () {
    this.timeout(60_000);
    const scratch = scratchFolder('wa-hostile-');
    const { write } = scratch;
    const fifo = (name: string) => {
        const file = path.join(scratch.path, name);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        execFileSync('mkfifo', [file]);
        return file;
    };

    it('refuses a named pipe, given or as .workflowignore, without waiting on it', () => {
        fifo('pipe.workflow');
        assertOneLineError(run(['validate', 'pipe.workflow'], scratch.path), /pipe\.workflow: a named pipe, not a regular file/);
        write('ok/a.workflow', 'team T { }\n');
        fifo('ok/.workflowignore');
        assertOneLineError(run(['validate', 'ok'], scratch.path), /\.workflowignore: a named pipe, not a regular file/);
        assertOneLineError(run(['matrix', 'ok'], scratch.path), /\.workflowignore: a named pipe/);
    });

    it('refuses devices without reading them', () => {
        for (const device of ['/dev/zero', '/dev/urandom', '/dev/null']) {
            assertOneLineError(run(['validate', device], scratch.path), /: a device, not a regular file/);
        }
        assertOneLineError(run(['render', '/dev/zero', '--format', 'json'], scratch.path), /a device, not a regular file/);
    });

    it('refuses a file that is not .workflow, and a .workflowignore that is a folder, in one clear line', () => {
        write('README.md', '# notes\n');
        assertOneLineError(run(['validate', 'README.md'], scratch.path), /README\.md: not a \.workflow file/);
        assertOneLineError(run(['render', 'README.md', '--format', 'json'], scratch.path), /README\.md: not a \.workflow file/);
        write('w/a.workflow', 'team T { }\n');
        fs.mkdirSync(path.join(scratch.path, 'w', '.workflowignore'));
        assertOneLineError(run(['validate', 'w'], scratch.path), /\.workflowignore: is a folder/);
    });

    it('reads symbolic links to workflow files in a folder, and refuses one to a pipe', () => {
        write('org/teams.workflow', 'team T { role R }\n');
        write('flows/w.workflow', 'workflow W { owner T.R; step A { owner T.R; next Done }; end Done }\n');
        fs.symlinkSync(path.join(scratch.path, 'org/teams.workflow'), path.join(scratch.path, 'flows/teams.workflow'));
        const result = run(['validate', 'flows', '--format', 'json'], scratch.path);
        assert.equal(result.code, 0, result.stderr);
        assert.equal(JSON.parse(result.stdout).files, 2);
        fifo('pipe-target');
        fs.symlinkSync(path.join(scratch.path, 'pipe-target'), path.join(scratch.path, 'flows/pipe.workflow'));
        assertOneLineError(run(['validate', 'flows'], scratch.path), /pipe\.workflow: links to a named pipe/);
    });

    it('keeps one finding per line when a file name holds a newline', () => {
        write('odd\nname.workflow', 'team T { role R }\n');
        const result = run(['validate', '.'], scratch.path);
        assert.equal(result.code, 0, result.stderr);
        const lines = result.stdout.trim().split('\n');
        assert.equal(lines.length, 2, result.stdout);
        assert.ok(
            lines.every(line => line.startsWith('odd\\nname.workflow:1:')),
            result.stdout,
        );
        const json = JSON.parse(run(['validate', '.', '--format', 'json'], scratch.path).stdout);
        assert.equal(json.diagnostics[0].file, 'odd\nname.workflow');
    });

    it('renders a file whatever its unreadable neighbours, with a note for each one skipped', () => {
        write('flow.workflow', 'team T { role R }\nworkflow W { owner T.R; step A { owner T.R; next Done }; end Done }\n');
        write('broken.workflow', Buffer.from([0x74, 0x00, 0x65]));
        write('tests/deep/case.workflow', 'team U { }\n');
        const result = run(['render', 'flow.workflow', '--format', 'json'], scratch.path);
        assert.equal(result.code, 0, result.stderr);
        assert.equal(JSON.parse(result.stdout).workflow, 'W');
        assert.match(result.stderr, /skipped broken\.workflow: binary file/);
        assert.doesNotMatch(result.stderr, /internal error/);
    });

    it('ends quietly when the reader of its output goes away', async () => {
        const child = spawn(process.execPath, [BIN, 'validate', 'examples/problems'], { stdio: ['ignore', 'pipe', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', chunk => {
            stderr += String(chunk);
        });
        child.stdout.destroy(); // closed before the command writes anything: every write fails with EPIPE
        const code = await new Promise<number | null>(resolve => child.on('close', resolve));
        assert.equal(stderr, '');
        assert.equal(code, 1, 'the exit code of the findings');
    });

    it('explains how to start the language server when no transport is given', () => {
        const result = spawnSync(process.execPath, [SERVER_BIN], { encoding: 'utf8', timeout: 10_000 });
        assertOneLineError({ code: result.status, stdout: result.stdout, stderr: result.stderr }, /workflow-language-server --stdio/);
    });

    it('still validates examples exactly as before', () => {
        assert.equal(runCli(['validate', 'examples']).code, 0);
    });
});
