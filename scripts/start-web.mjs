// `npm start`: serves VS Code for the Web (offline build) with the extension loaded and examples/
// opened as the workspace, prints the address, and runs until Ctrl+C.
import path from 'node:path';
import { prepareBrowsers, prepareVSCode, root } from './vscode-web.mjs';

const port = Number(process.env.PORT ?? 3000);
const openBrowser = process.argv.includes('--open');
if (openBrowser) prepareBrowsers();
const build = prepareVSCode();
const { open } = await import('@vscode/test-web');

await open({
    browserType: openBrowser ? 'chromium' : 'none',
    headless: false,
    quality: build.quality,
    commit: build.commit,
    testRunnerDataDir: build.testRunnerDataDir,
    extensionDevelopmentPath: root,
    folderPath: path.join(root, process.env.WORKSPACE ?? 'examples'),
    port,
});
console.log(`\nWorkflow Architect in VS Code for the Web ${build.version}: http://localhost:${port}/`);
console.log('Open that address in a browser; the examples are the workspace. Ctrl+C stops the server.');
