// The workbench of `npm start`, driven as a user drives it: in headless Chromium, open a workflow,
// type into it and save, then read the file on disk; open a second window on the same folder, see
// the edit and its diagnostics there, take it back in that window and see the first window follow.
// The folder is a temporary copy of examples/, so the repository's files are never touched.
// `npm run test:start` (after `npm run build`); .ci/run runs it after the desktop suite.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startWorkbench } from '../../scripts/workbench-server.mjs';
import { HEADLESS_SHELL } from './workbench-driver.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const port = Number(process.env.TEST_START_PORT ?? 3030);
const artifacts = path.join(root, 'test-artifacts');
const FILE = 'purchase-to-pay.workflow';
const MARK = '// edited in the workbench';
// A team without a body: one syntax error more than the file had.
const EDIT = `${MARK}\nteam Broken {\n`;
const STEP_MS = 60_000;

const started = Date.now();
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'workflow-architect-start-'));
const workspace = path.join(folder, 'examples');
fs.cpSync(path.join(root, 'examples'), workspace, { recursive: true });
const file = path.join(workspace, FILE);
const original = fs.readFileSync(file, 'utf8');

const plural = (count, noun) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** Polls `probe` until it returns a value other than undefined, or fails after STEP_MS naming `what`. */
async function until(what, probe) {
    const deadline = Date.now() + STEP_MS;
    for (;;) {
        const value = await probe();
        if (value !== undefined) return value;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise(resolve => setTimeout(resolve, 250));
    }
}

/** The error count the status bar shows, once the language server has reported on the workspace. */
async function errorCount(page) {
    const label = await page
        .locator('[id="status.problems"]')
        .first()
        .getAttribute('aria-label')
        .catch(() => null);
    const match = /Errors?:\s*(\d+)/i.exec(label ?? '');
    if (match) return Number(match[1]);
    return /no problems/i.test(label ?? '') ? 0 : undefined;
}

/** The error count once it has stayed the same for three seconds: the server has finished the workspace. */
async function settledErrorCount(page, what) {
    let last;
    let since = Date.now();
    return until(what, async () => {
        const count = await errorCount(page);
        if (count !== last) {
            last = count;
            since = Date.now();
            return undefined;
        }
        return count !== undefined && Date.now() - since >= 3000 ? count : undefined;
    });
}

async function openWindow(context, name) {
    const page = await context.newPage();
    windows.push({ name, page });
    await page.goto(startedWorkbench.url);
    await page.locator('.monaco-workbench').waitFor({ timeout: STEP_MS });
    await page.locator('.explorer-folders-view').waitFor({ timeout: STEP_MS });
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').waitFor({ timeout: STEP_MS });
    await page.keyboard.insertText(FILE);
    await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: STEP_MS });
    await page.keyboard.press('Enter');
    await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: STEP_MS });
    await until(`${name}: the editor showing ${FILE}`, async () =>
        (await page.locator('.monaco-editor .view-lines').first().innerText()).includes('PurchaseToPay') ? true : undefined,
    );
    return page;
}

async function firstLine(page) {
    return (await page.locator('.monaco-editor .view-line').first().innerText()).replace(/\u00a0/g, ' ');
}

let startedWorkbench;
let browser;
let failure;
const windows = [];
try {
    startedWorkbench = await startWorkbench({ port, folder: workspace });
    browser = await chromium.launch({
        executablePath: HEADLESS_SHELL,
        headless: true,
        env: { ...process.env, HOME: folder, XDG_CACHE_HOME: path.join(folder, 'cache'), XDG_CONFIG_HOME: path.join(folder, 'config') },
        args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
    });
    fs.mkdirSync(artifacts, { recursive: true });

    // Window 1: wait for the language server's report, type the edit, save.
    const first = await openWindow(await browser.newContext({ viewport: { width: 1400, height: 850 } }), 'window 1');
    const before = await settledErrorCount(first, 'window 1: the status bar reporting the workspace');
    await first.locator('.monaco-editor .view-lines').first().click();
    await first.keyboard.press('Control+Home');
    await first.keyboard.insertText(EDIT);
    const dirtyErrors = await settledErrorCount(first, 'window 1: a diagnostic for the edit');
    if (dirtyErrors <= before)
        throw new Error(`window 1: the edit should add an error to the ${before}, the status bar shows ${dirtyErrors}`);
    await first.keyboard.press('Control+S');
    await until(`${FILE} on disk to hold the edit`, () => (fs.readFileSync(file, 'utf8') === EDIT + original ? true : undefined));
    await first.screenshot({ path: path.join(artifacts, 'start-window-1.png') });

    // Window 2: its own extension host and language server, reading the saved file.
    const second = await openWindow(await browser.newContext({ viewport: { width: 1400, height: 850 } }), 'window 2');
    await until('window 2: the saved edit in its editor', async () => ((await firstLine(second)).startsWith(MARK) ? true : undefined));
    await until(`window 2: ${dirtyErrors} errors, as window 1 reports`, async () =>
        (await errorCount(second)) === dirtyErrors ? true : undefined,
    );

    // Take the edit back in window 2 (two lines) and save; window 1 follows the file on disk.
    await second.locator('.monaco-editor .view-lines').first().click();
    await second.keyboard.press('Control+Home');
    await second.keyboard.press('Shift+ArrowDown');
    await second.keyboard.press('Shift+ArrowDown');
    await second.keyboard.press('Delete');
    await second.keyboard.press('Control+S');
    await until(`${FILE} on disk to be as it was`, () => (fs.readFileSync(file, 'utf8') === original ? true : undefined));
    await until('window 1: the editor without the edit', async () => (!(await firstLine(first)).startsWith(MARK) ? true : undefined));
    await until(`window 1: back to ${before} errors`, async () => ((await errorCount(first)) === before ? true : undefined));
    await until(`window 2: back to ${before} errors`, async () => ((await errorCount(second)) === before ? true : undefined));
    await second.screenshot({ path: path.join(artifacts, 'start-window-2.png') });
    console.log(
        `npm start: an edit typed in the workbench reached ${FILE} on disk; a second window saw it (${plural(dirtyErrors, 'error')}) and took it back; both windows returned to ${plural(before, 'error')}`,
    );
} catch (error) {
    failure = error;
    for (const [index, { name, page }] of windows.entries()) {
        const shot = `start-failed-${index + 1}.png`;
        const count = await errorCount(page).catch(() => undefined);
        console.error(`${name}: the status bar shows ${count ?? 'no'} errors; screenshot test-artifacts/${shot}`);
        await page.screenshot({ path: path.join(artifacts, shot) }).catch(() => {});
    }
} finally {
    await browser?.close();
    await startedWorkbench?.server.stop();
    fs.rmSync(folder, { recursive: true, force: true });
}
const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (failure) {
    console.error(`npm start check failed after ${seconds} s: ${failure instanceof Error ? failure.message : failure}`);
    process.exit(1);
}
console.log(`npm start check passed (${seconds} s)`);
