// Runs the integration tests in VS Code for the Web, offline, in Debian's headless Chromium,
// with examples/ as the workspace. Exit code 0 when every test passed.
import path from 'node:path';
import { prepareBrowsers, prepareVSCode, root } from '../../scripts/vscode-web.mjs';

prepareBrowsers();
const build = prepareVSCode();
const { runTests } = await import('@vscode/test-web');

// test-web never returns if the browser fails to start or the page hangs: bound the run.
const limitMs = Number(process.env.TEST_WEB_TIMEOUT_MS ?? 240_000);
const watchdog = setTimeout(() => {
    console.error(`web integration tests: no result after ${limitMs / 1000} s, aborting`);
    process.exit(2);
}, limitMs);

const started = Date.now();
try {
    await runTests({
        browserType: 'chromium',
        headless: !process.env.HEADED,
        quality: build.quality,
        commit: build.commit,
        testRunnerDataDir: build.testRunnerDataDir,
        extensionDevelopmentPath: root,
        extensionTestsPath: path.join(root, 'dist/test/suite-web.cjs'),
        folderPath: path.join(root, 'examples'),
        port: Number(process.env.TEST_WEB_PORT ?? 3010),
        printServerLog: Boolean(process.env.VERBOSE),
        verbose: Boolean(process.env.VERBOSE),
    });
    console.log(`web integration tests passed in VS Code ${build.version} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    process.exitCode = 0;
} catch (error) {
    console.error(`web integration tests failed: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
} finally {
    clearTimeout(watchdog);
}
