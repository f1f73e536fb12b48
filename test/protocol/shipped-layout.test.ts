/**
 * The files the extension package ships start each Node role: `main` loads in the extension host
 * without starting a server, and the script the desktop client starts as its server process
 * answers over IPC as that client talks to it. Both are in the package's file list (`vsce ls`),
 * with the bundle they load.
 */
import * as assert from 'node:assert/strict';
import { execFileSync, fork, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, InitializeRequest, IPCMessageReader, IPCMessageWriter } from 'vscode-languageserver-protocol/node';

const manifest = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { main: string; browser: string; bin: Record<string, string> };
const relative = (file: string) => path.posix.normalize(file);

/** The script `client/extension-node.ts` gives vscode-languageclient as the server module. */
function clientServerScript(): string {
    const source = fs.readFileSync('client/extension-node.ts', 'utf8');
    const paths = [...source.matchAll(/asAbsolutePath\('([^']+)'\)/g)].map(match => match[1]);
    assert.equal(paths.length, 1, `one server module in client/extension-node.ts: ${paths.join(', ')}`);
    return paths[0];
}

/** The files a CommonJS shim loads with `require('./…')`, relative to the package root. */
function requiredBy(script: string): string[] {
    const source = fs.readFileSync(script, 'utf8');
    return [...source.matchAll(/require\('(\.[^']+)'\)/g)].map(match => relative(path.posix.join(path.posix.dirname(script), match[1])));
}

describe('the shipped layout', function () {
    this.timeout(60_000);

    it('loads `main` in plain Node without `vscode` and without starting a server', () => {
        // The extension part (which needs `vscode`) and the server part load only when started.
        const script = `const m = require(${JSON.stringify(path.resolve(manifest.main))}); console.log(JSON.stringify(Object.keys(m).sort().map(k => k + ':' + typeof m[k])))`;
        const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 20_000 });
        assert.equal(result.status, 0, result.stderr);
        assert.deepEqual(JSON.parse(result.stdout), ['activate:function', 'deactivate:function', 'startLanguageServer:function']);
        assert.equal(result.stderr, '');
    });

    it('answers `initialize` over IPC from the script the desktop client starts', async () => {
        const script = clientServerScript();
        // As vscode-languageclient forks a `TransportKind.ipc` module.
        const child = fork(path.resolve(script), ['--node-ipc', `--clientProcessId=${process.pid}`], { silent: true });
        const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
        connection.listen();
        try {
            const uri = pathToFileURL(path.resolve('examples')).toString();
            const result = await connection.sendRequest(InitializeRequest.type, {
                processId: process.pid,
                rootUri: uri,
                capabilities: {},
                workspaceFolders: [{ uri, name: 'examples' }],
            });
            assert.ok(result.capabilities.completionProvider, 'the server announces completion');
            assert.ok(result.capabilities.hoverProvider, 'the server announces hover');
            await connection.sendRequest('shutdown');
            const exited = new Promise<number | null>(resolve => child.once('exit', resolve));
            await connection.sendNotification('exit');
            assert.equal(await exited, 0);
        } finally {
            connection.dispose();
            child.kill();
        }
    });

    it('packages `main`, `browser`, the server script and the bundle it loads', () => {
        const vsce = path.resolve('node_modules/.bin/vsce');
        const listed = new Set(
            execFileSync(vsce, ['ls', '--no-dependencies'], { encoding: 'utf8', timeout: 30_000 })
                .split('\n')
                .map(line => line.trim()),
        );
        const script = clientServerScript();
        const needed = [manifest.main, manifest.browser, script, ...requiredBy(script)].map(relative);
        assert.ok(requiredBy(script).length > 0, `${script} loads a bundle`);
        for (const file of needed) {
            assert.ok(listed.has(file), `${file} is in the package`);
            assert.ok(fs.existsSync(file), `${file} is built`);
        }
    });
});
