/** Runs the bundled command line as a user would: `node bin/workflow-architect.cjs …`. */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const BIN = path.resolve('bin/workflow-architect.cjs');

export function runCli(args: string[], cwd = process.cwd()): { code: number | null; stdout: string; stderr: string } {
    const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
