/**
 * Formatting: the canonical layout, idempotent, never changing the AST or losing a comment,
 * over hand-written cases, every file of examples/ and fuzzed documents that still parse.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EmptyFileSystem } from 'langium';
import { createWorkflowServices } from '../../language/src/workflow-module.js';
import type { WorkflowFormatter } from '../../language/src/lsp/workflow-formatter.js';
import { astShape, loadText } from '../helpers.js';

const services = createWorkflowServices(EmptyFileSystem).Workflow;
const formatter = services.lsp.Formatter as WorkflowFormatter;
const format = (text: string) => formatter.format(text);

/** The AST as plain data, without positions or links, to compare meaning. */
function shape(text: string): unknown {
    const result = services.parser.LangiumParser.parse(text);
    assert.deepEqual(
        result.parserErrors.map(e => e.message),
        [],
    );
    return astShape(result.value);
}

const comments = (text: string) => (text.match(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g) ?? []).map(comment => comment.trimEnd());

function expectCanonical(input: string, expected: string): void {
    const once = format(input);
    assert.equal(once, expected);
    assert.equal(format(once!), once, 'idempotent');
    assert.deepEqual(shape(once!), shape(input), 'same AST');
}

describe('formatting', () => {
    it('keeps the line ending most lines of the file use', () => {
        const lf = 'team T "two\r\nlines" {\n  role R\n}\n\nteam U {\n}\n';
        const formatted = format(lf)!;
        assert.equal(formatted.replace(/"[^"]*"/g, '').includes('\r'), false, 'an LF file stays LF outside its strings');
        assert.ok(formatted.includes('"two\r\nlines"'), 'the string is kept as written');
        const crlf = 'team T {\r\n  role R\r\n}\r\nteam U "x\ny" { }\r\n';
        assert.equal(
            format(crlf)!
                .replace(/"[^"]*"/g, '')
                .replace(/\r\n/g, '')
                .includes('\n'),
            false,
            'a CRLF file stays CRLF',
        );
        assert.equal(format('team T {\r  role R\r}\r')!.replace(/\r/g, '').includes('\n'), false, 'a CR file stays CR');
        assert.equal(format(format(lf)!), format(lf), 'idempotent');
    });

    it('indents by two spaces and puts each clause of a multi-line block on its own line', () => {
        expectCanonical(
            'workflow W {\nowner T.R   trigger "go";sla 2d\n     step A   "First" {owner T.R ;uses S1 ,S2 next B via S1,C}\n}\n',
            'workflow W {\n  owner T.R\n  trigger "go"\n  sla 2d\n  step A "First" { owner T.R; uses S1, S2; next B via S1, C }\n}\n',
        );
    });

    it('keeps a short one-line block on one line and breaks a long one', () => {
        expectCanonical('team T   {  role A;role B  }\n', 'team T { role A; role B }\n');
        const long = `team T { ${Array.from({ length: 12 }, (_, i) => `role LongRoleName${i}`).join('; ')} }\n`;
        const formatted = format(long)!;
        assert.equal(formatted.split('\n')[0], 'team T {');
        assert.equal(formatted.split('\n')[1], '  role LongRoleName0');
        assert.ok(formatted.split('\n').every(line => line.length <= 100));
    });

    it('keeps comments, trailing and on their own lines, and at most one blank line', () => {
        expectCanonical(
            '// org\n\n\n\nteam T { // the team\n  role A   // first\n\n\n  /* block */ role B\n}\n',
            '// org\n\nteam T { // the team\n  role A // first\n\n  /* block */ role B\n}\n',
        );
    });

    it('breaks a one-line block that holds a line comment', () => {
        expectCanonical('team T { role A } // t\nsystem S { owner T }\n', 'team T { role A } // t\nsystem S { owner T }\n');
        const input = 'workflow W { owner T\n step A { owner T; next B } }\n';
        assert.equal(format(input), 'workflow W {\n  owner T\n  step A { owner T; next B }\n}\n');
    });

    it('leaves a document with syntax errors alone', async () => {
        const { main, services: workspaceServices } = await loadText('team T {  role  }', { allowSyntaxErrors: true });
        const edits = await workspaceServices.lsp.Formatter!.formatDocument(main.document, {
            textDocument: { uri: main.uri },
            options: { tabSize: 2, insertSpaces: true },
        });
        assert.deepEqual(edits, []);
    });

    it('returns one minimal edit through the language server API', async () => {
        const { main, services: workspaceServices } = await loadText('team T {\n  role A\n      role B\n}\n');
        const edits = await workspaceServices.lsp.Formatter!.formatDocument(main.document, {
            textDocument: { uri: main.uri },
            options: { tabSize: 2, insertSpaces: true },
        });
        assert.deepEqual(edits, [{ range: { start: { line: 2, character: 2 }, end: { line: 2, character: 6 } }, newText: '' }]);
    });

    const examples = ['examples', 'examples/problems']
        .flatMap(folder =>
            fs
                .readdirSync(folder)
                .filter(name => name.endsWith('.workflow'))
                .map(name => path.join(folder, name)),
        )
        .filter(file => !file.endsWith('syntax.workflow'));

    it('refuses the example with a syntax error', () => {
        assert.equal(format(fs.readFileSync('examples/problems/syntax.workflow', 'utf8')), undefined);
    });

    for (const file of examples) {
        it(`is idempotent on ${file}, keeping the AST and every comment`, () => {
            const text = fs.readFileSync(file, 'utf8');
            const once = format(text);
            assert.ok(once !== undefined, 'formats');
            assert.equal(format(once), once);
            assert.deepEqual(comments(once!), comments(text));
            assert.deepEqual(shape(once!), shape(text));
        });
    }

    it('is idempotent and meaning-preserving on shuffled layouts of the examples', () => {
        let seed = 7;
        const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
        for (const file of examples) {
            const text = fs.readFileSync(file, 'utf8');
            for (let round = 0; round < 20; round++) {
                // Re-space the tokens at random: spaces, newlines and semicolons where whitespace was.
                const shuffled = text.replace(/[ \t]+|\n(?![ \t]*\/\/)/g, () => [' ', '  ', '\n', '\n\n', ' ; '][Math.floor(random() * 5)]);
                if (services.parser.LangiumParser.parse(shuffled).parserErrors.length > 0) continue;
                const once = format(shuffled)!;
                assert.equal(format(once), once, `${file} round ${round}`);
                assert.deepEqual(shape(once), shape(shuffled), `${file} round ${round}`);
                assert.deepEqual(comments(once), comments(shuffled), `${file} round ${round}`);
            }
        }
    });
});
