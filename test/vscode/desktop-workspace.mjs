// The workspace of the desktop integration tests: a copy of examples/ in a temporary folder (the
// tests change files on disk), opened through a workspace file, so that tests can add and remove
// workspace folders without the window entering a new workspace (which reloads it).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function prepareDesktopWorkspace(root) {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'workflow-architect-desktop-'));
    fs.cpSync(path.join(root, 'examples'), path.join(folder, 'examples'), { recursive: true });
    const workspaceFile = path.join(folder, 'desktop-tests.code-workspace');
    fs.writeFileSync(workspaceFile, `${JSON.stringify({ folders: [{ path: 'examples' }], settings: {} }, null, 2)}\n`);
    return { folder, workspaceFile, remove: () => fs.rmSync(folder, { recursive: true, force: true }) };
}
