// Runs the integration tests in VS Code for the Web, offline, in Debian's headless Chromium,
// with examples/ as the workspace: @vscode/test-web serves the workbench, playwright drives the
// browser, and the workbench reports the suite's output and exit code through the
// `codeAutomationLog` / `codeAutomationExit` hooks it calls when running extension tests.
// A test may log `screenshot: NAME` to have the workbench captured to test-artifacts/NAME.png.
import fs from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import { createRequire } from 'node:module';
import { prepareBrowsers, prepareVSCode, root } from '../../scripts/vscode-web.mjs';

prepareBrowsers();
const build = prepareVSCode();
const { open } = await import('@vscode/test-web');
const require = createRequire(import.meta.url);
const fromTestWeb = createRequire(require.resolve('@vscode/test-web/package.json'));
const { chromium } = createRequire(fromTestWeb.resolve('playwright/package.json'))('playwright-core');

const artifacts = path.join(root, 'test-artifacts');
fs.mkdirSync(artifacts, { recursive: true });
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

const browser = await chromium.launch({
    executablePath: '/usr/lib/chromium/chromium-headless-shell',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
});
const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
if (process.env.VERBOSE) page.on('console', message => console.log(`[page] ${message.text()}`));

const exitCode = await new Promise(resolve => {
    const watchdog = setTimeout(() => {
        console.error(`web integration tests: no result after ${limitMs / 1000} s, aborting`);
        resolve(2);
    }, limitMs);
    void page.exposeFunction('codeAutomationLog', async (type, args) => {
        const text = format(...args);
        const shot = /^screenshot: ([\w-]+)$/.exec(text);
        if (shot) {
            await page.screenshot({ path: path.join(artifacts, `${shot[1]}.png`) });
            return;
        }
        (console[type] ?? console.log)(text);
    });
    void page.exposeFunction('codeAutomationExit', code => {
        clearTimeout(watchdog);
        resolve(code);
    });
    void page.goto(`http://localhost:${port}/`);
});

await browser.close();
server.dispose();
const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (exitCode === 0) {
    console.log(`web integration tests passed in VS Code ${build.version} (${seconds} s)`);
} else {
    console.error(`web integration tests failed (exit code ${exitCode}, ${seconds} s)`);
}
process.exit(exitCode === 0 ? 0 : 1);
