// `npm start`: VS Code with the extension under development and examples/ as the workspace, in
// which edits are saved to the files on disk. It serves code-server (desktop VS Code's Node
// extension host, the workbench in a browser), installed once into a cache outside the repository
// as for `npm run test:desktop`; where it cannot be installed, it falls back to VS Code for the
// Web (`npm run start:web`). Prints the address and runs until Ctrl+C.
import path from 'node:path';
import { CODE_SERVER_VERSION, ensureCodeServer } from './code-server.mjs';
import { root } from './vscode-web.mjs';
import { startWorkbench } from './workbench-server.mjs';

const port = Number(process.env.PORT ?? 3000);
const folder = path.join(root, process.env.WORKSPACE ?? 'examples');

let available = true;
try {
    ensureCodeServer();
} catch (error) {
    available = false;
    console.error(`code-server is not available here: ${error instanceof Error ? error.message : error}`);
    console.error('Serving VS Code for the Web instead (npm run start:web); its edits do not reach the files on disk.');
    await import('./start-web.mjs');
}

if (available) {
    const { server, url } = await startWorkbench({ port, folder });
    console.log(`\nWorkflow Architect in code-server ${CODE_SERVER_VERSION} (desktop extension host), workspace ${folder}:\n\n  ${url}\n`);
    console.log('Open that address in a browser. Edits are saved to the files on disk (`git checkout examples` resets them).');
    console.log('Ctrl+C stops the server.');
    const stop = () => void server.stop().finally(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
}
