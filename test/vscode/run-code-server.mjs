// `npm run test:desktop`: the integration tests in desktop VS Code's Node extension host,
// offline, through code-server (scripts/code-server.mjs installs it once into a cache outside
// the repository). The extension runs from its `main` entry with the language server as a Node
// child process over IPC; the workspace is a copy of examples/ on disk (`file:` documents),
// opened as a multi-root workspace so tests can add and remove folders without a reload.
// code-server has no `--extensionTestsPath`: the workbench receives the extension and the
// Node test bundle as VS Code's test payload in its URL, and reports the results through the
// same hooks as VS Code for the Web (workbench-driver.mjs). Screenshots go to
// test-artifacts/desktop-NAME.png.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CODE_SERVER_VERSION, startCodeServer } from '../../scripts/code-server.mjs';
import { prepareDesktopWorkspace } from './desktop-workspace.mjs';
import { runInWorkbench } from './workbench-driver.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const port = Number(process.env.TEST_DESKTOP_PORT ?? 3020);
const limitMs = Number(process.env.TEST_DESKTOP_TIMEOUT_MS ?? 300_000);
const verbose = Boolean(process.env.VERBOSE);
const started = Date.now();

const bundles = ['dist/node.cjs', 'dist/test/suite-node.cjs'];
const missing = bundles.filter(bundle => !fs.existsSync(path.join(root, bundle)));
if (missing.length > 0) {
    console.error(`desktop integration tests: ${missing.join(', ')} missing; run \`npm run build\` first (or \`npm run test:desktop\`)`);
    process.exit(1);
}

let server;
let workspace;
let cleaning;
const cleanUp = () =>
    (cleaning ??= (async () => {
        await server?.stop();
        workspace?.remove();
    })());
for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
        console.error(`desktop integration tests: ${signal}, stopping code-server`);
        void cleanUp().finally(() => process.exit(130));
    });
}

let exitCode;
try {
    workspace = prepareDesktopWorkspace(root);
    server = await startCodeServer({ port, folder: workspace.workspaceFile, testDriver: true, verbose });
    if (verbose) console.log(`code-server ${CODE_SERVER_VERSION} (pid ${server.pid}) at ${server.url}, log ${server.logFile}`);
    const remote = file => `vscode-remote://${server.remoteAuthority}${file}`;
    const payload = [
        ['extensionDevelopmentPath', remote(root)],
        ['extensionTestsPath', remote(path.join(root, 'dist/test/suite-node.cjs'))],
        ['disableExtensions', 'true'],
        ['skipWelcome', 'true'],
    ];
    const url = `${server.url}?workspace=${encodeURIComponent(workspace.workspaceFile)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    exitCode = await runInWorkbench({
        chromium,
        url,
        artifacts: path.join(root, 'test-artifacts'),
        prefix: 'desktop-',
        limitMs,
        host: 'desktop',
        verbose,
    });
    if (exitCode !== 0 && fs.existsSync(server.logFile)) {
        const log = fs.readFileSync(server.logFile, 'utf8').trim().split('\n').slice(-20).join('\n');
        if (log) console.error(`the end of code-server's log:\n${log}`);
    }
} catch (error) {
    console.error(`desktop integration tests: ${error instanceof Error ? error.message : error}`);
    exitCode = 1;
} finally {
    await cleanUp();
}

const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (exitCode === 0) {
    console.log(`desktop integration tests passed in code-server ${CODE_SERVER_VERSION}, Node extension host (${seconds} s)`);
} else {
    console.error(`desktop integration tests failed (exit code ${exitCode}, ${seconds} s)`);
}
process.exit(exitCode === 0 ? 0 : 1);
