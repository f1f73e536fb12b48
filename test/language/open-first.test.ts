/**
 * What a build takes first for an open document: the names read from text without parsing
 * (`name-scan.ts`), which must never miss a name the parser would see, and the documents the
 * open document depends on (`open-first.ts`).
 */
import * as assert from 'node:assert/strict';
import type { LangiumDocument } from 'langium';
import { URI } from 'langium';
import { codeOf, declaredNames, mentionedNames, mentionsAny } from '../../language/src/workspace/name-scan.js';
import { openFirst } from '../../language/src/workspace/open-first.js';
import { buildWorkspace } from '../../language/src/workspace/workflow-workspace.js';
import { seededRandom } from '../helpers.js';

const declared = (text: string) => [...declaredNames(text)].sort();
const mentioned = (text: string) => [...mentionedNames(codeOf(text))].sort();

describe('names read without parsing', () => {
    it('finds the declarations the parser finds, also after one stray token', async () => {
        const texts = [
            'team A "x" { role R }\nsystem S { owner A.R }\nworkflow W { owner A; end E }',
            'team "T" B {',
            'team 2h C {',
            'team /* c */ K team { L',
            'workflow // x\n N',
            'system "unterminated\n O',
        ];
        // `team` in the place of a name is read as a name too; a file with an unterminated string
        // (a character the lexer drops) may declare any of its words.
        assert.deepEqual(texts.map(declared), [['A', 'S', 'W'], ['B'], ['C'], ['K', 'L', 'team'], ['N'], ['O', 'system', 'unterminated']]);
        // The parser's own declarations are among them, whatever its recovery made of the text.
        const { documents } = await buildWorkspace(texts.map((text, i) => ({ uri: `file:///w/f${i}.workflow`, text })));
        for (const [i, text] of texts.entries()) {
            const document = documents[i];
            const names = ((document.parseResult.value as { declarations?: Array<{ name?: string }> }).declarations ?? [])
                .map(declaration => declaration.name)
                .filter(name => name);
            for (const name of names) assert.ok(declared(text).includes(name!), `${name} in ${JSON.stringify(text)}`);
        }
    });

    it('never misses a name the parser declares or refers to, in seeded texts of strings, comments and stray tokens', async () => {
        const next = seededRandom(Number(process.env.NAME_SCAN_SEED ?? 16));
        const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)];
        const fragments = [
            'team',
            'system',
            'workflow',
            'step',
            'owner',
            'next',
            'calls',
            'uses',
            '{',
            '}',
            ';',
            '.',
            '->',
            '2h',
            '5',
            '50%',
            '-',
            '>',
            '@',
            '"a title"',
            '"team X"',
            '"esc \\" workflow Y"',
            '"',
            '// team Z',
            '/* workflow Q */',
            '/*',
            '\n',
            'A',
            'Bee',
            'Ops',
            'Ops.Agent',
            'Done',
        ];
        const texts = Array.from({ length: Number(process.env.NAME_SCAN_TEXTS ?? 150) }, () =>
            Array.from({ length: 4 + Math.floor(next() * 30) }, () => pick(fragments)).join(' '),
        );
        const { documents } = await buildWorkspace(texts.map((text, i) => ({ uri: `file:///w/s${i}.workflow`, text })));
        for (const [i, text] of texts.entries()) {
            const model = documents[i].parseResult.value as { declarations?: Array<{ name?: string }> };
            const scanned = declaredNames(text);
            for (const declaration of model.declarations ?? []) {
                if (declaration.name) assert.ok(scanned.has(declaration.name), `${declaration.name} in ${JSON.stringify(text)}`);
            }
            const mentions = mentionedNames(codeOf(text));
            for (const reference of documents[i].references) {
                const name = reference.$refText.split('.')[0];
                if (!name) continue;
                assert.ok(mentions.has(name), `${name} mentioned in ${JSON.stringify(text)}`);
                assert.ok(mentionsAny(text, [name]), `${name} found in ${JSON.stringify(text)}`);
            }
        }
    });

    it('does not hang on texts made to make a regular expression backtrack', function () {
        // Each took from seconds to hours when parts of the scan could match the same characters.
        this.timeout(20_000);
        const n = 100_000;
        const hostile = [
            'team ' + '"'.repeat(n) + ';',
            'team ' + '/* c */ '.repeat(n) + ';',
            'team ' + '"a" ; '.repeat(n) + '5',
            'system step ' + '5'.repeat(n) + ';',
            'system step ' + '5 '.repeat(n) + ';',
            'team '.repeat(n),
            'team' + ' '.repeat(n) + '{'.repeat(n),
        ];
        for (const text of hostile) {
            declaredNames(text);
            mentionsAny(text, ['Nowhere']);
        }
        assert.deepEqual([...declaredNames('team ' + '/* c */ '.repeat(1000) + 'Named {')], ['Named']);
    });

    it('leaves out strings and comments, but not what an unterminated one runs into', () => {
        assert.deepEqual(declared('// team D\n/* team E */ "team F" workflow G'), ['G']);
        assert.deepEqual(declared('team "a\\" team Q" M {'), ['M']);
        assert.deepEqual(mentioned('owner T.R // Later\n"Title" /* X */ uses S'), ['R', 'S', 'T', 'owner', 'uses']);
        assert.deepEqual(mentioned('"unterminated team H'), ['H', 'team', 'unterminated']);
        assert.deepEqual(declared('teamX I workflow_ J'), []);
        assert.equal(mentionsAny('owner Ops2; "Ops" // Ops', ['Ops']), false);
        assert.equal(mentionsAny('owner Ops.Agent', ['Sales', 'Ops']), true);
        assert.equal(mentionsAny('"Ops" owner Ops', ['Ops']), true);
    });
});

describe('documents built first for an open document', () => {
    const doc = (name: string) => ({ uri: URI.parse(`file:///w/${name}`) }) as LangiumDocument;

    it('takes what it refers to, what refers to it, namesakes, and what its link targets refer to', () => {
        const texts = new Map<LangiumDocument, string | undefined>([
            [doc('open.workflow'), 'workflow Open { owner Legal; step A { owner Legal; calls Archive; next Done }; end Done }'],
            [doc('org.workflow'), 'team Legal { role Counsel }'],
            [doc('archive.workflow'), 'workflow Archive { owner Ops; uses Vault; end Done }'],
            [doc('ops.workflow'), 'team Ops { role Agent }'],
            [doc('vault.workflow'), 'system Vault { owner Ops.Agent }'],
            [doc('caller.workflow'), 'workflow Caller { owner Sales; step C { calls Open; next E }; end E }'],
            [doc('twin.workflow'), 'workflow Open "a namesake" { owner Sales; end E }'],
            [doc('sales.workflow'), 'team Sales { role Rep }'],
            [doc('mentions.workflow'), 'workflow Other "Legal and Open in a title" { owner Nobody; end E }'],
            [doc('unrelated.workflow'), 'workflow Unrelated { owner Nobody; end E }'],
        ]);
        const documents = [...texts.keys()];
        const open = documents[0];
        const result = openFirst(
            documents,
            documents,
            document => document === open,
            document => texts.get(document),
        );
        assert.ok(result);
        const names = (list: Iterable<LangiumDocument>) => [...list].map(document => document.uri.path.slice(3));
        assert.deepEqual(names(result.first), [
            'open.workflow',
            'org.workflow',
            'archive.workflow',
            'ops.workflow',
            'vault.workflow',
            'caller.workflow',
            'twin.workflow',
            'sales.workflow',
        ]);
        assert.deepEqual(names(result.dependencies), names(result.first).slice(1));
    });

    it('takes a document whose text is not at hand, and does not split when everything is taken', () => {
        const a = doc('a.workflow');
        const b = doc('b.workflow');
        const c = doc('c.workflow');
        const texts = new Map<LangiumDocument, string | undefined>([
            [a, 'workflow A { owner T; end E }'],
            [b, undefined],
            [c, 'workflow C { owner X; end E }'],
        ]);
        const result = openFirst(
            [a, b, c],
            [a, b, c],
            document => document === a,
            document => texts.get(document),
        );
        assert.deepEqual(result?.first, [a, b]);
        assert.equal(
            openFirst(
                [a, b],
                [a, b, c],
                document => document === a,
                document => texts.get(document),
            ),
            undefined,
        );
        assert.equal(
            openFirst(
                [a, c],
                [a, c],
                () => false,
                document => texts.get(document),
            ),
            undefined,
        );
    });
});
