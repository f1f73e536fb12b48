/**
 * The small stand-ins the bundles use for `semver` and `minimatch` (scripts/bundle-shims/) answer
 * as the real packages do for the calls the language client makes, and the jsonc-parser shim
 * exports every function the configuration reader calls.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

const require = createRequire(import.meta.url);
const shim = (name: string) => require(path.resolve('scripts/bundle-shims', name));
type Matcher = new (pattern: string, options: object) => { match(path: string): boolean; makeRe(): RegExp | false };

describe('bundle shims', () => {
    it('parse and satisfy VS Code versions as semver does', () => {
        const parse = shim('semver-parse.cjs') as (v: string) => { prerelease: string[] } | null;
        const satisfies = shim('semver-satisfies.cjs') as (v: unknown, range: string) => boolean;
        const realParse = require('semver/functions/parse') as typeof parse;
        const realSatisfies = require('semver/functions/satisfies') as typeof satisfies;
        for (const version of ['1.91.0', '1.91.1', '1.90.9', '1.105.0', '2.0.0', '0.9.0', '1.96.0-insider', 'bad', '1.2']) {
            const ours = parse(version);
            const theirs = realParse(version);
            assert.equal(ours === null, theirs === null, version);
            if (!ours || !theirs) continue;
            // The client clears the pre-release of an insider build before checking.
            ours.prerelease = [];
            theirs.prerelease = [];
            for (const range of ['^1.91.0', '^1.82.0', '^2.0.0']) {
                assert.equal(satisfies(ours, range), realSatisfies(theirs, range), `${version} ${range}`);
            }
        }
    });

    it('match LSP glob patterns as minimatch does', () => {
        const Ours = (shim('minimatch.cjs') as { Minimatch: Matcher }).Minimatch;
        // The copy the language client itself loads.
        const Theirs = (
            require(require.resolve('minimatch', { paths: [path.resolve('node_modules/vscode-languageclient')] })) as { Minimatch: Matcher }
        ).Minimatch;
        const patterns = [
            '**/*.workflow',
            '*.workflow',
            '/home/u/ws/**/*.{workflow,json}',
            '**/.workflowrc.json',
            'src/**',
            '**',
            'a/?b/[a-c]x/[!d]y',
            '/w/**/node_modules/**',
            '**/*.[jt]s',
            'file.txt',
            '{a,b/{c,d}}/*.md',
        ];
        const paths = [
            '/home/u/ws/a.workflow',
            'a.workflow',
            '/home/u/ws/x/y/b.json',
            '/home/u/ws/.hidden/c.workflow',
            '/home/u/ws/.workflowrc.json',
            'src/a/b',
            'src',
            'a/xb/bx/ey',
            'a/xb/bx/dy',
            '/w/node_modules/x',
            '/w/a/node_modules/b/c',
            'x.ts',
            'y/z.js',
            'file.txt',
            'FILE.TXT',
            'file.txtx',
            'b/d/readme.md',
            'b/e/readme.md',
        ];
        for (const options of [{ noext: true }, { dot: true }, { dot: true, nocase: true }]) {
            for (const pattern of patterns) {
                for (const file of paths) {
                    assert.equal(
                        new Ours(pattern, options).match(file),
                        new Theirs(pattern, options).match(file),
                        `${pattern} ${file} ${JSON.stringify(options)}`,
                    );
                }
            }
        }
    });

    it('export every jsonc-parser function the configuration reader calls', () => {
        const reader = fs.readFileSync('language/src/workspace/workflow-rc.ts', 'utf8');
        const called = new Set([...reader.matchAll(/\bjsonc\.(\w+)\(/g)].map(match => match[1]));
        const list = /export \{([^}]*)\}/.exec(fs.readFileSync('scripts/bundle-shims/jsonc-parser.mjs', 'utf8'));
        const exported = new Set(list ? list[1].split(',').map(name => name.trim()) : []);
        const real = require('jsonc-parser') as Record<string, unknown>;
        assert.ok(called.size > 0, 'the reader calls jsonc-parser through `jsonc.`');
        for (const name of called) {
            assert.ok(exported.has(name), `scripts/bundle-shims/jsonc-parser.mjs exports ${name}`);
            assert.equal(typeof real[name], 'function', name);
        }
    });
});
