// `npm run test:electron`: the same integration tests in desktop VS Code (Electron) through
// @vscode/test-electron. It downloads VS Code, so it runs where that is possible (a laptop,
// public CI), not on offline machines; there, `npm run test:desktop` runs them in code-server.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';
import { prepareDesktopWorkspace } from './desktop-workspace.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const workspace = prepareDesktopWorkspace(root);
try {
    await runTests({
        extensionDevelopmentPath: root,
        extensionTestsPath: path.join(root, 'dist/test/suite-node.cjs'),
        launchArgs: [workspace.workspaceFile, '--disable-extensions'],
    });
} catch (error) {
    console.error(`desktop integration tests (Electron) failed: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
} finally {
    workspace.remove();
}
