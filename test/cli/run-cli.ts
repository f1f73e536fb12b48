/** Runs the bundled command line as a user would: `node bin/workflow-architect.cjs …`. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const BIN = path.resolve('bin/workflow-architect.cjs');

export function runCli(args: string[], cwd = process.cwd()): { code: number | null; stdout: string; stderr: string } {
    const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * A fresh temporary folder for each test of the enclosing `describe` (removed after it), and a
 * `write` that creates a file in it, with its parent folders, and returns its path.
 */
export function scratchFolder(prefix: string): { readonly path: string; write(name: string, content: string | Buffer): string } {
    let dir = '';
    beforeEach(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
    return {
        get path() {
            return dir;
        },
        write(name, content) {
            const file = path.join(dir, name);
            fs.mkdirSync(path.dirname(file), { recursive: true });
            fs.writeFileSync(file, content);
            return file;
        },
    };
}
