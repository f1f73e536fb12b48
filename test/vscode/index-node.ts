// Entry of the integration tests in desktop VS Code (`@vscode/test-electron`): the same suite as
// the web host, run by mocha's Node API.
import Mocha from 'mocha';
import { closingLine } from './summary.js';

export function run(): Promise<void> {
    const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: true });
    mocha.suite.emit('pre-require', globalThis, 'extension.test', mocha);
    require('./extension.test.js');
    require('./preview.test.js');
    return new Promise((resolve, reject) => {
        const runner = mocha.run(failures => {
            console.log(closingLine('desktop', runner.stats));
            if (failures > 0) reject(new Error(`${failures} tests failed.`));
            else resolve();
        });
    });
}
