// Builds every bundle of the project with esbuild: one context per target.
//   node esbuild.mjs            build once
//   node esbuild.mjs --watch    rebuild on change
//   node esbuild.mjs --minify   production bundles
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const minify = process.argv.includes('--minify');

/** Bundles that run in Node: the command line and the language server. */
const nodeCommon = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: !minify,
    minify,
    // Node 20 lacks Object.groupBy, which Langium's parser library uses.
    inject: ['scripts/node-compat.mjs'],
    external: ['vscode'],
    logLevel: 'warning',
};

const targets = [
    { ...nodeCommon, entryPoints: { 'cli/main': 'cli/main.ts', 'server/main-node': 'server/main-node.ts' }, outdir: 'dist', outExtension: { '.js': '.cjs' } },
];

const contexts = await Promise.all(targets.map(options => esbuild.context(options)));
if (watch) {
    await Promise.all(contexts.map(context => context.watch()));
    console.log('watching for changes…');
} else {
    await Promise.all(contexts.map(context => context.rebuild()));
    await Promise.all(contexts.map(context => context.dispose()));
}
