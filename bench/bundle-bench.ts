/**
 * Size of the shipped Node bundle (`dist/node.cjs`: the desktop extension and its language server
 * in one file), minified as `vscode:prepublish` builds it, with the packages that weigh most; and,
 * beside it, what the two roles weigh as bundles of their own, which is what sharing one file saves.
 *
 *   npm run bench -- bundle
 */
import * as esbuild from 'esbuild';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { printTable } from './measure.js';

/** The shipped bundle, then each role alone. */
const SHIPPED = { name: 'node (shipped)', entry: 'bundles/node.ts' };
const APART = [
    { name: 'extension alone', entry: 'client/extension-node.ts' },
    { name: 'server alone', entry: 'server/main-node.ts' },
];

/** `node_modules/a/b/node_modules/c/x.js` → `c`; the project's own files by their first two path segments. */
function packageOf(file: string): string {
    const match = /.*node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
    return match ? match[1] : file.split('/').slice(0, 2).join('/');
}

const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const bytesText = (bytes: number) => `${bytes.toLocaleString('en')} B`;

interface Measured {
    readonly bytes: number;
    /** The heaviest packages, heaviest first. */
    readonly heaviest: string;
}

async function measure(entry: string, aliases: Record<string, string>): Promise<Measured> {
    const result = await esbuild.build({
        bundle: true,
        minify: true,
        platform: 'node',
        target: 'node20',
        format: 'cjs',
        external: ['vscode'],
        alias: aliases,
        inject: ['scripts/node-compat.mjs'],
        entryPoints: [entry],
        outfile: 'measured.cjs',
        write: false,
        metafile: true,
        logLevel: 'error',
    });
    const output = Object.values(result.metafile.outputs)[0];
    const byPackage = new Map<string, number>();
    for (const [file, input] of Object.entries(output.inputs)) {
        byPackage.set(packageOf(file), (byPackage.get(packageOf(file)) ?? 0) + input.bytesInOutput);
    }
    const heaviest = [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 6);
    return { bytes: output.bytes, heaviest: heaviest.map(([pkg, bytes]) => `${pkg} ${kilobytes(bytes)}`).join(', ') };
}

export async function bundleBench(): Promise<void> {
    // The build's own aliases (a plain ES module of the build, run from the project folder).
    const { BUNDLE_ALIASES } = (await import(pathToFileURL(path.resolve('scripts/bundle-aliases.mjs')).href)) as {
        BUNDLE_ALIASES: Record<string, string>;
    };
    const shipped = await measure(SHIPPED.entry, BUNDLE_ALIASES);
    const rows = [[SHIPPED.name, bytesText(shipped.bytes), shipped.heaviest]];
    let apart = 0;
    for (const role of APART) {
        const measured = await measure(role.entry, BUNDLE_ALIASES);
        apart += measured.bytes;
        rows.push([role.name, bytesText(measured.bytes), measured.heaviest]);
    }
    rows.push(['roles apart, together', bytesText(apart), `one file saves ${kilobytes(apart - shipped.bytes)}`]);
    printTable('Node bundle, minified', ['bundle', 'size', 'heaviest parts'], rows);
}
