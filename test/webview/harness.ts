/**
 * Serves the built preview (dist/webview) to Debian's Chromium, driven by playwright-core, on a
 * page with the production HTML and content security policy. A nonce'd stub stands in for VS
 * Code's `acquireVsCodeApi`, recording what the webview posts; CSP violations are counted.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { previewHtml } from '../../client/preview/preview-html.js';
import { orgMapHtml } from '../../client/org-map/org-map-html.js';
import type { ToWebview } from '../../protocol/webview-messages.js';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core') as typeof import('playwright-core');

export const HEADLESS_SHELL = process.env.SYSTEM_CHROMIUM_HEADLESS_SHELL ?? '/usr/lib/chromium/chromium-headless-shell';
/** The built webview the harness serves. */
const DIST = path.resolve('dist/webview');
const NONCE = 'test0nce0123456789';

const STUB = `
window.__posted = [];
window.__state = INITIAL_STATE;
window.acquireVsCodeApi = () => ({
  postMessage: message => window.__posted.push(JSON.parse(JSON.stringify(message))),
  getState: () => window.__state,
  setState: state => { window.__state = state; },
});`;

export interface Harness {
    readonly page: Page;
    /** Messages the webview posted, in order. */
    posted(): Promise<Array<{ type: string; [key: string]: unknown }>>;
    send(message: ToWebview | unknown): Promise<void>;
    /** Waits for the next `rendered` report after `count` earlier ones. */
    renderedAfter(count: number): Promise<{ nodeIds: string[]; stale: boolean; workflow: string }>;
    violations(): Promise<string[]>;
    close(): Promise<void>;
}

/** `state` is what VS Code would hand back from `getState()`: the webview's state before a reload. */
export async function openHarness(
    options: {
        dark?: boolean;
        highContrast?: boolean;
        width?: number;
        height?: number;
        state?: unknown;
        page?: 'preview' | 'org-map';
        /** Another build of the webview to serve (the benchmark's baseline); dist/webview by default. */
        dist?: string;
    } = {},
): Promise<Harness> {
    const stub = STUB.replace('INITIAL_STATE', JSON.stringify(options.state ?? null));
    const server = http.createServer((request, response) => {
        const url = new URL(request.url ?? '/', 'http://localhost');
        if (url.pathname === '/') {
            const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
            const page =
                options.page === 'org-map'
                    ? orgMapHtml({ cspSource: origin, asset: name => `${origin}/${name}`, nonce: NONCE })
                    : previewHtml({
                          cspSource: origin,
                          asset: name => `${origin}/${name}`,
                          documentUri: 'file:///workspace/flow.workflow',
                          nonce: NONCE,
                      });
            const html = page.replace(
                `<script nonce="${NONCE}" src=`,
                `<script nonce="${NONCE}">${stub}</script>\n<script nonce="${NONCE}" src=`,
            );
            response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
            return;
        }
        const file = path.join(options.dist ?? DIST, path.basename(url.pathname));
        if (!fs.existsSync(file)) {
            response.writeHead(404).end();
            return;
        }
        const type = file.endsWith('.css') ? 'text/css' : 'text/javascript';
        response.writeHead(200, { 'content-type': type }).end(fs.readFileSync(file));
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    const browser: Browser = await chromium.launch({
        executablePath: HEADLESS_SHELL,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    const page = await browser.newPage({ viewport: { width: options.width ?? 1400, height: options.height ?? 800 } });
    await page.addInitScript(() => {
        const violations: string[] = [];
        (window as unknown as { __violations: string[] }).__violations = violations;
        document.addEventListener('securitypolicyviolation', event => violations.push(`${event.violatedDirective}: ${event.blockedURI}`));
    });
    const consoleViolations: string[] = [];
    page.on('console', message => {
        if (/Content Security Policy/i.test(message.text())) consoleViolations.push(message.text());
    });
    const port = (server.address() as AddressInfo).port;
    await page.goto(`http://127.0.0.1:${port}/`);
    if (options.dark) await applyTheme(page, DARK_THEME);
    if (options.highContrast) await applyTheme(page, HIGH_CONTRAST_THEME);
    await page.waitForFunction(() => (window as unknown as { __posted: Array<{ type: string }> }).__posted.some(m => m.type === 'ready'));

    const posted = () =>
        page.evaluate(() => (window as unknown as { __posted: Array<{ type: string }> }).__posted) as Promise<
            Array<{ type: string; [key: string]: unknown }>
        >;
    return {
        page,
        posted,
        send: message => page.evaluate(data => window.postMessage(data, '*'), message as object),
        renderedAfter: async count => {
            await page.waitForFunction(
                n => (window as unknown as { __posted: Array<{ type: string }> }).__posted.filter(m => m.type === 'rendered').length > n,
                count,
                { timeout: 20_000 },
            );
            const rendered = (await posted()).filter(message => message.type === 'rendered');
            return rendered[count] as unknown as { nodeIds: string[]; stale: boolean; workflow: string };
        },
        violations: async () => [
            ...(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)),
            ...consoleViolations,
        ],
        close: async () => {
            await browser.close();
            await new Promise(resolve => server.close(resolve));
        },
    };
}

/** A few of the variables VS Code sets on a webview for its dark theme. */
export const DARK_THEME: Record<string, string> = {
    '--vscode-editor-background': '#1e1e1e',
    '--vscode-editor-foreground': '#d4d4d4',
    '--vscode-foreground': '#cccccc',
    '--vscode-descriptionForeground': '#9d9d9d',
    '--vscode-sideBar-background': '#252526',
    '--vscode-editorGroup-border': '#444444',
    '--vscode-sideBarSectionHeader-background': '#2d2d30',
    '--vscode-input-background': '#3c3c3c',
    '--vscode-input-border': '#6b6b6b',
    '--vscode-editorWidget-background': '#2d2a1e',
    '--vscode-badge-background': '#4d4d4d',
    '--vscode-badge-foreground': '#ffffff',
    '--vscode-editorLineNumber-foreground': '#858585',
    '--vscode-charts-purple': '#b180d7',
    '--vscode-charts-orange': '#d18616',
    '--vscode-editorError-foreground': '#f14c4c',
    '--vscode-editorWarning-foreground': '#cca700',
    '--vscode-focusBorder': '#007fd4',
    '--vscode-button-secondaryBackground': '#3a3d41',
    '--vscode-button-secondaryForeground': '#cccccc',
};

/** Some of the variables VS Code sets for its high-contrast dark theme. */
export const HIGH_CONTRAST_THEME: Record<string, string> = {
    ...DARK_THEME,
    '--vscode-editor-background': '#000000',
    '--vscode-editor-foreground': '#ffffff',
    '--vscode-foreground': '#ffffff',
    '--vscode-sideBar-background': '#000000',
    '--vscode-editorGroup-border': '#6fc3df',
    '--vscode-input-background': '#000000',
    '--vscode-input-border': '#6fc3df',
    '--vscode-editorWidget-background': '#0c141f',
    '--vscode-badge-background': '#000000',
    '--vscode-badge-foreground': '#ffffff',
    '--vscode-focusBorder': '#f38518',
    '--vscode-descriptionForeground': '#ffffff',
    '--vscode-sideBarSectionHeader-background': '#000000',
    '--vscode-editorLineNumber-foreground': '#ffffff',
};

export async function applyTheme(page: Page, variables: Record<string, string>): Promise<void> {
    await page.evaluate(vars => {
        for (const [name, value] of Object.entries(vars)) document.documentElement.style.setProperty(name, value);
    }, variables);
}

/** Asks the webview for an export and waits for its answer: the exported data, or a failure with the error it reported. */
export async function exportFrom(harness: Harness, format: 'svg' | 'png', requestId: number): Promise<string> {
    await harness.send({ type: 'export', requestId, format });
    await harness.page.waitForFunction(
        id =>
            (window as unknown as { __posted: Array<{ type: string; requestId?: number }> }).__posted.some(
                m => (m.type === 'exported' || m.type === 'error') && m.requestId === id,
            ),
        requestId,
        { timeout: 20_000 },
    );
    const answer = (await harness.posted()).find(
        message => (message.type === 'exported' || message.type === 'error') && message.requestId === requestId,
    )!;
    if (answer.type === 'error') throw new Error(`the ${format} export failed: ${String(answer.message)}`);
    return String(answer.data);
}
