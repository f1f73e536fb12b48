// ESLint (flat config): typescript-eslint's recommended rules, `import type` for types, and the
// import boundaries between folders that ARCHITECTURE.md describes.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const node = ['node:*', ...builtinModules, ...builtinModules.map(name => `${name}/*`)];
const vscode = ['vscode'];
const folder = name => [`../${name}/*`, `../../${name}/*`, `../../../${name}/*`, `../../../../${name}/*`];

/** An import rule for a folder: the modules and the project folders it must not see. */
function boundary(files, { modules = [], folders = [], why }) {
    return {
        files,
        rules: {
            'no-restricted-imports': [
                'error',
                {
                    patterns: [
                        ...(modules.length ? [{ group: modules, message: why }] : []),
                        ...(folders.length ? [{ group: folders.flatMap(folder), message: why }] : []),
                    ],
                },
            ],
        },
    };
}

export default tseslint.config(
    { ignores: ['node_modules/', 'dist/', 'out/', 'language/src/generated/', '.vscode-test/', '.vscode-test-web/', 'test-artifacts/'] },
    js.configs.recommended,
    ...tseslint.configs.recommended,
    {
        languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
        rules: {
            '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports', disallowTypeAnnotations: false }],
            '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
            'no-control-regex': 'off', // the XML escaping and the hostile-input tests match control characters on purpose
        },
    },
    {
        // Plain JavaScript run by Node: build scripts, test runners, the bin shims.
        files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
        languageOptions: {
            globals: {
                process: 'readonly',
                console: 'readonly',
                URL: 'readonly',
                require: 'readonly',
                module: 'writable',
                __dirname: 'readonly',
                setTimeout: 'readonly',
                clearTimeout: 'readonly',
                Buffer: 'readonly',
            },
        },
        rules: { '@typescript-eslint/no-require-imports': 'off' },
    },
    {
        // The suites inside VS Code load mocha and the compiled tests with the host's `require`.
        files: ['test/vscode/index-*.ts'],
        rules: { '@typescript-eslint/no-require-imports': 'off' },
    },
    boundary(['protocol/**'], {
        modules: [...node, ...vscode, 'langium', 'langium/*', 'elkjs', 'elkjs/*'],
        folders: ['language', 'diagram', 'server', 'client', 'webview', 'cli'],
        why: 'protocol/ holds plain shared definitions: no Node, no VS Code, no other folder of the project.',
    }),
    boundary(['language/**', 'diagram/**'], {
        modules: [...node, ...vscode],
        folders: ['server', 'client', 'webview', 'cli'],
        why: 'language/ and diagram/ run in Node, in web workers and in the CLI alike: no Node, no VS Code, no host folder.',
    }),
    boundary(['webview/**'], {
        modules: [...node, ...vscode, 'langium', 'langium/*'],
        folders: ['server', 'client', 'cli', 'language'],
        why: 'webview/ runs in the preview page: it knows the DOM, the graph model (protocol/) and the layout (diagram/).',
    }),
    boundary(['client/**'], {
        modules: ['langium', 'langium/*'],
        folders: ['server', 'cli', 'language'],
        why: 'client/ knows VS Code and the protocol; the language runs in the server.',
    }),
    boundary(['cli/**', 'bench/**', 'test/**', 'scripts/**'], {
        folders: ['server'],
        why: 'Only server/ and the bundle entries import server/; others talk to the bundled server.',
    }),
);
