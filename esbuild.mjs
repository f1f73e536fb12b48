// Builds every bundle of the project with esbuild, one context per target:
//   node esbuild.mjs            build once
//   node esbuild.mjs --watch    rebuild on change
//   node esbuild.mjs --minify   production bundles (no source maps)
import * as esbuild from 'esbuild';
import { BUNDLE_ALIASES } from './scripts/bundle-aliases.mjs';

const watch = process.argv.includes('--watch');
const minify = process.argv.includes('--minify');

const common = {
    bundle: true,
    sourcemap: !minify,
    minify,
    external: ['vscode'],
    alias: BUNDLE_ALIASES,
    logLevel: 'warning',
};

/** Runs in Node: the command line, the desktop extension and the language server. */
const node = {
    ...common,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // Node 20 lacks Object.groupBy, which Langium's parser library uses.
    inject: ['scripts/node-compat.mjs'],
    outExtension: { '.js': '.cjs' },
};

/** Runs in a browser or web worker: the web extension, the language server worker, the web test suite. */
const browser = {
    ...common,
    platform: 'browser',
    target: 'es2022',
    format: 'cjs',
    mainFields: ['browser', 'module', 'main'],
    define: { global: 'globalThis' },
};

const targets = [
    {
        ...node,
        // `node`: the desktop extension and its language server in one file (bundles/node.ts).
        entryPoints: { 'cli/main': 'cli/main.ts', node: 'bundles/node.ts' },
        outdir: 'dist',
    },
    // `.cjs`: the package is `"type": "module"`, and VS Code loads a `.js` entry of such a package as ESM.
    {
        ...browser,
        entryPoints: { 'client/extension-browser': 'client/extension-browser.ts' },
        outdir: 'dist',
        outExtension: { '.js': '.cjs' },
    },
    // A classic worker script: no module wrapper.
    { ...browser, format: 'iife', entryPoints: { 'server/main-browser': 'server/main-browser.ts' }, outdir: 'dist' },
    // Integration tests that run inside VS Code (web and desktop hosts).
    {
        ...browser,
        inject: ['scripts/process-shim.mjs'],
        entryPoints: { 'test/suite-web': 'test/vscode/index-web.ts' },
        outdir: 'dist',
        outExtension: { '.js': '.cjs' },
    },
    { ...node, entryPoints: { 'test/suite-node': 'test/vscode/index-node.ts' }, outdir: 'dist', external: ['vscode', 'mocha'] },
];

/**
 * The preview's webview. Its layout worker is built first: the webview bundle imports the
 * worker's bundle as text and starts it from a Blob URL (webviews cannot load workers from
 * their resource URLs).
 */
// Always minified: it is almost all of elkjs, which gains nothing from a readable build.
const webviewWorker = {
    ...browser,
    format: 'iife',
    entryPoints: { 'webview/layout-worker': 'webview/layout-worker.ts' },
    outdir: 'dist',
    sourcemap: false,
    minify: true,
};
const webview = [
    {
        ...browser,
        format: 'iife',
        entryPoints: { 'webview/preview': 'webview/main.ts' },
        outdir: 'dist',
        loader: { '.js': 'js' },
        plugins: [workerAsText()],
    },
    { ...common, entryPoints: { 'webview/preview': 'webview/preview.css' }, outdir: 'dist', external: [] },
    // The Organization Map: ELK runs on the page (a map has tens of teams, not thousands of steps).
    {
        ...browser,
        format: 'iife',
        entryPoints: { 'webview/org-map': 'webview/org-map.ts' },
        outdir: 'dist',
        minify: true,
        sourcemap: false,
    },
    { ...common, entryPoints: { 'webview/org-map': 'webview/org-map.css' }, outdir: 'dist', external: [] },
];

/** Resolves `…/layout-worker.js` imports to the built worker's text. */
function workerAsText() {
    return {
        name: 'worker-as-text',
        setup(build) {
            build.onResolve({ filter: /layout-worker\.js$/ }, () => ({
                path: new URL(`dist/webview/layout-worker.js`, `file://${process.cwd()}/`).pathname,
                namespace: 'worker-text',
            }));
            build.onLoad({ filter: /.*/, namespace: 'worker-text' }, async args => ({
                contents: await import('node:fs/promises').then(fs => fs.readFile(args.path, 'utf8')),
                loader: 'text',
                watchFiles: [args.path],
            }));
        },
    };
}

const workerContext = await esbuild.context(webviewWorker);
const contexts = await Promise.all([...targets, ...webview].map(options => esbuild.context(options)));
if (watch) {
    await workerContext.watch();
    await Promise.all(contexts.map(context => context.watch()));
    console.log('watching for changes…');
} else {
    await workerContext.rebuild();
    await workerContext.dispose();
    await Promise.all(contexts.map(context => context.rebuild()));
    await Promise.all(contexts.map(context => context.dispose()));
}
