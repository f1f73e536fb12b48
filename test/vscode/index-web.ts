// Entry of the integration tests in VS Code for the Web: loaded by the web extension host through
// `extensionTestsPath`; must export `run()`. Mocha's browser build defines the global `mocha`.
import 'mocha/mocha';
import { keepEditsUnsaved } from './helpers.js';
import { closingLine } from './summary.js';

export function run(): Promise<void> {
    return new Promise((resolve, reject) => {
        mocha.setup({ ui: 'bdd', reporter: undefined, timeout: 60_000 });
        // esbuild has no require.context: the test files are listed here.
        require('./extension.test.js');
        require('./preview.test.js');
        require('./org-map.test.js');
        require('./configuration.test.js');
        require('./simulation.test.js');
        // Skips itself: it needs a Node extension host.
        require('./desktop.test.js');
        keepEditsUnsaved().then(() => {
            const runner = mocha.run(failures => {
                console.log(closingLine('web', runner.stats));
                if (failures > 0) reject(new Error(`${failures} tests failed.`));
                else resolve();
            });
        }, reject);
    });
}
