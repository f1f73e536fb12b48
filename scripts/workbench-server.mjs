// The workbench of `npm start`: code-server (desktop VS Code's Node extension host, the workbench
// in a browser) serving `folder` from disk, with the extension under development loaded from VS
// Code's test payload (as F5 does). Shared by scripts/start.mjs and the check that edits made in
// that workbench reach the files (test/vscode/run-start-check.mjs).
import { startCodeServer } from './code-server.mjs';
import { root } from './vscode-web.mjs';

/** Starts code-server on 127.0.0.1:port; resolves with the server and the address to open. */
export async function startWorkbench({ port, folder, verbose = false }) {
    const server = await startCodeServer({ port, folder, testDriver: true, verbose });
    const payload = [['extensionDevelopmentPath', `vscode-remote://${server.remoteAuthority}${root}`]];
    const url = `${server.url}?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    return { server, url };
}
