// Entry of the integration tests in a Node extension host (code-server for `npm run test:desktop`,
// desktop VS Code for `npm run test:electron`): the same suite as the web host, run by mocha's
// Node API, plus what only this host can do (desktop.test.ts).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Mocha from 'mocha';
import { provideDesktopHost } from './desktop-host.js';
import { keepEditsUnsaved } from './helpers.js';
import { closingLine } from './summary.js';

provideDesktopHost({
    runOtherProcess(script, args) {
        // In Electron, `process.execPath` is VS Code itself; this makes it behave as Node.
        execFileSync(process.execPath, ['-e', script, '--', ...args], {
            env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
            stdio: 'inherit',
            timeout: 30_000,
        });
    },
    childProcesses(text) {
        const table = execFileSync('ps', ['-A', '-o', 'pid=,ppid=,args='], { encoding: 'utf8' });
        return table.split('\n').flatMap(line => {
            const match = /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line);
            return match && Number(match[2]) === process.pid && match[3].includes(text) ? [Number(match[1])] : [];
        });
    },
    kill(pid) {
        process.kill(pid, 'SIGKILL');
    },
    makeFolder: () => fs.mkdtempSync(path.join(os.tmpdir(), 'workflow-architect-folder-')),
    removeFolder: folder => fs.rmSync(folder, { recursive: true, force: true }),
    writeFile: (file, text) => fs.writeFileSync(file, text),
});

export async function run(): Promise<void> {
    // TEST_GREP=text runs only the tests whose titles contain it.
    const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: true, grep: process.env.TEST_GREP });
    mocha.suite.emit('pre-require', globalThis, 'extension.test', mocha);
    require('./extension.test.js');
    require('./preview.test.js');
    require('./configuration.test.js');
    require('./simulation.test.js');
    require('./desktop.test.js');
    await keepEditsUnsaved();
    return new Promise((resolve, reject) => {
        const runner = mocha.run(failures => {
            console.log(closingLine('desktop', runner.stats));
            if (failures > 0) reject(new Error(`${failures} tests failed.`));
            else resolve();
        });
    });
}
