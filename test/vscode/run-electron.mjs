// Runs the same integration tests in desktop VS Code through @vscode/test-electron. It downloads
// VS Code, so it runs where that is possible (a laptop, public CI), not on offline machines.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
try {
    await runTests({
        extensionDevelopmentPath: root,
        extensionTestsPath: path.join(root, 'dist/test/suite-node.cjs'),
        launchArgs: [path.join(root, 'examples'), '--disable-extensions'],
    });
} catch (error) {
    console.error(`desktop integration tests failed: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
}
