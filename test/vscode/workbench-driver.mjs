// Drives a VS Code workbench that runs extension tests, in Debian's headless Chromium through
// playwright: the same for VS Code for the Web (run-web.mjs) and for code-server's desktop
// extension host (run-code-server.mjs). The workbench reports the suite's output and exit code
// through the `codeAutomationLog` / `codeAutomationExit` hooks it calls when it runs extension
// tests. A test may log `screenshot: NAME` to have the workbench captured to test-artifacts/NAME.png.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { format } from 'node:util';

export const HEADLESS_SHELL = process.env.SYSTEM_CHROMIUM_HEADLESS_SHELL ?? '/usr/lib/chromium/chromium-headless-shell';

/**
 * Opens `url` and resolves with the suite's exit code: 0 passed, 1 failed, 2 no result within
 * `limitMs` (the watchdog) or the page broke down. Screenshots go to `artifacts/<prefix>NAME.png`.
 */
export async function runInWorkbench({ chromium, url, artifacts, prefix = '', limitMs, host, verbose = false }) {
    if (!fs.existsSync(HEADLESS_SHELL)) {
        throw new Error(`${HEADLESS_SHELL} is missing: apt-get install -y chromium-headless-shell`);
    }
    fs.mkdirSync(artifacts, { recursive: true });
    // Chromium keeps its disk cache under XDG_CACHE_HOME (else the home folder): a temporary one.
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'workflow-architect-browser-'));
    const browser = await chromium.launch({
        executablePath: HEADLESS_SHELL,
        headless: true,
        env: { ...process.env, HOME: scratch, XDG_CACHE_HOME: path.join(scratch, 'cache'), XDG_CONFIG_HOME: path.join(scratch, 'config') },
        args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
    });
    try {
        const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
        const page = await context.newPage();
        if (verbose) page.on('console', message => console.log(`[page] ${message.text()}`));
        return await new Promise(resolve => {
            const watchdog = setTimeout(() => {
                console.error(
                    `${host} integration tests: no result after ${limitMs / 1000} s, aborting (run with VERBOSE=1 for the workbench's console)`,
                );
                resolve(2);
            }, limitMs);
            page.on('crash', () => {
                clearTimeout(watchdog);
                console.error(`${host} integration tests: the workbench page crashed`);
                resolve(2);
            });
            void page.exposeFunction('codeAutomationLog', async (type, args) => {
                const text = format(...args);
                const shot = /^screenshot: ([\w-]+)$/.exec(text);
                if (shot) {
                    await page.screenshot({ path: path.join(artifacts, `${prefix}${shot[1]}.png`) });
                    return;
                }
                (console[type] ?? console.log)(text);
            });
            void page.exposeFunction('codeAutomationExit', code => {
                clearTimeout(watchdog);
                resolve(code);
            });
            page.goto(url).catch(error => {
                clearTimeout(watchdog);
                console.error(`${host} integration tests: could not open ${url}: ${error.message}`);
                resolve(2);
            });
        });
    } finally {
        await browser.close();
        fs.rmSync(scratch, { recursive: true, force: true });
    }
}
