/**
 * Size of the shipped node bundles (the desktop extension and the language server), minified as
 * `vscode:prepublish` builds them, with the packages that weigh most in each.
 *
 *   npm run bench -- bundle
 */
import * as esbuild from 'esbuild';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { printTable } from './measure.js';

const ENTRIES = { 'client/extension-node': 'client/extension-node.ts', 'server/main-node': 'server/main-node.ts' };

/** `node_modules/a/b/node_modules/c/x.js` → `c`; the project's own files by their first two path segments. */
function packageOf(file: string): string {
    const match = /.*node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
    return match ? match[1] : file.split('/').slice(0, 2).join('/');
}

const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export async function bundleBench(): Promise<void> {
    // The build's own aliases (a plain ES module of the build, run from the project folder).
    const { BUNDLE_ALIASES } = (await import(pathToFileURL(path.resolve('scripts/bundle-aliases.mjs')).href)) as {
        BUNDLE_ALIASES: Record<string, string>;
    };
    const rows: string[][] = [];
    let total = 0;
    for (const [name, entry] of Object.entries(ENTRIES)) {
        const result = await esbuild.build({
            bundle: true,
            minify: true,
            platform: 'node',
            target: 'node20',
            format: 'cjs',
            external: ['vscode'],
            alias: BUNDLE_ALIASES,
            inject: ['scripts/node-compat.mjs'],
            entryPoints: [entry],
            outfile: `${name}.cjs`,
            write: false,
            metafile: true,
            logLevel: 'error',
        });
        const output = Object.values(result.metafile.outputs)[0];
        total += output.bytes;
        const byPackage = new Map<string, number>();
        for (const [file, input] of Object.entries(output.inputs)) {
            byPackage.set(packageOf(file), (byPackage.get(packageOf(file)) ?? 0) + input.bytesInOutput);
        }
        const heaviest = [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 6);
        rows.push([
            name,
            `${output.bytes.toLocaleString('en')} B`,
            heaviest.map(([pkg, bytes]) => `${pkg} ${kilobytes(bytes)}`).join(', '),
        ]);
    }
    rows.push(['both', `${total.toLocaleString('en')} B`, '']);
    printTable('Node bundles, minified', ['bundle', 'size', 'heaviest parts'], rows);
}
