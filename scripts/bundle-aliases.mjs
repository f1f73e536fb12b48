// Module aliases of every bundle (esbuild.mjs and the bundle-size bench).
// - One copy of `vscode-languageserver-types`: Langium pins a patch release of its own, so the
//   server bundle carried both (22 KB twice over). Likewise one `vscode-languageserver-textdocument`
//   (the language client pins its own patch release; 4 KB).
// - The node language client checks VS Code's version with two `semver` functions, and matches
//   LSP glob patterns with `minimatch`: small equivalents replace the whole packages (20 KB and
//   25 KB). See scripts/bundle-shims/; test/editor/bundle-shims.test.ts holds them to the originals.
// - jsonc-parser's main entry is UMD, whose `require` calls esbuild cannot follow; its ES module
//   entry bundles. The configuration reader takes the package as a namespace (Node loads the UMD
//   entry), which keeps every export; the shim exports only the functions it calls (8 KB less).
import { fileURLToPath } from 'node:url';

const here = path => fileURLToPath(new URL(path, import.meta.url));

export const BUNDLE_ALIASES = {
    'vscode-languageserver-types': fileURLToPath(new URL('../node_modules/vscode-languageserver-types', import.meta.url)),
    'semver/functions/parse': here('./bundle-shims/semver-parse.cjs'),
    'semver/functions/satisfies': here('./bundle-shims/semver-satisfies.cjs'),
    minimatch: here('./bundle-shims/minimatch.cjs'),
    'jsonc-parser': here('./bundle-shims/jsonc-parser.mjs'),
    'vscode-languageserver-textdocument': fileURLToPath(new URL('../node_modules/vscode-languageserver-textdocument', import.meta.url)),
};
