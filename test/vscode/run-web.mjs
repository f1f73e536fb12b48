// Runs the integration tests in VS Code for the Web, offline, in Debian's headless Chromium,
// with examples/ as the workspace: @vscode/test-web serves the workbench, and the workbench
// driver (workbench-driver.mjs) runs the suite in it and collects screenshots in test-artifacts/.
import path from 'node:path';
import { createRequire } from 'node:module';
import { prepareBrowsers, prepareVSCode, root } from '../../scripts/vscode-web.mjs';
import { runInWorkbench } from './workbench-driver.mjs';

prepareBrowsers();
const build = prepareVSCode();
const { open } = await import('@vscode/test-web');
const require = createRequire(import.meta.url);
const fromTestWeb = createRequire(require.resolve('@vscode/test-web/package.json'));
const { chromium } = createRequire(fromTestWeb.resolve('playwright/package.json'))('playwright-core');

const port = Number(process.env.TEST_WEB_PORT ?? 3010);
const limitMs = Number(process.env.TEST_WEB_TIMEOUT_MS ?? 240_000);
const started = Date.now();

const server = await open({
    browserType: 'none',
    quality: build.quality,
    commit: build.commit,
    testRunnerDataDir: build.testRunnerDataDir,
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'dist/test/suite-web.cjs'),
    folderPath: path.join(root, 'examples'),
    port,
    printServerLog: Boolean(process.env.VERBOSE),
});

let exitCode;
try {
    exitCode = await runInWorkbench({
        chromium,
        url: `http://localhost:${port}/`,
        artifacts: path.join(root, 'test-artifacts'),
        limitMs,
        host: 'web',
        verbose: Boolean(process.env.VERBOSE),
    });
} catch (error) {
    console.error(`web integration tests: ${error instanceof Error ? error.message : error}`);
    exitCode = 1;
} finally {
    server.dispose();
}
const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (exitCode === 0) {
    console.log(`web integration tests passed in VS Code ${build.version} (${seconds} s)`);
} else {
    console.error(`web integration tests failed (exit code ${exitCode}, ${seconds} s)`);
}
process.exit(exitCode === 0 ? 0 : 1);
