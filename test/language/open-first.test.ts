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

const declared = (text: string) => [...declaredNames(codeOf(text))].sort();
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
        assert.deepEqual(texts.map(declared), [['A', 'S', 'W'], ['B'], ['C'], ['K', 'L'], ['N'], ['unterminated']]);
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

    it('leaves out strings and comments, but not what an unterminated one runs into', () => {
        assert.deepEqual(declared('// team D\n/* team E */ "team F" workflow G'), ['G']);
        assert.deepEqual(declared('team "a\\" team Q" M {'), ['M']);
        assert.deepEqual(mentioned('owner T.R // Later\n"Title" /* X */ uses S'), ['R', 'S', 'T', 'owner', 'uses']);
        assert.deepEqual(mentioned('"unterminated team H'), ['H', 'team', 'unterminated']);
        assert.deepEqual(declared('teamX I workflow_ J'), []);
        assert.equal(mentionsAny(codeOf('owner Ops2; "Ops"'), ['Ops']), false);
        assert.equal(mentionsAny(codeOf('owner Ops.Agent'), ['Sales', 'Ops']), true);
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
