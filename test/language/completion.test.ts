/**
 * Completion offers, at each kind of reference, only what fits there: owners offer teams and
 * qualified members, `uses`/`via`/`automated by` offer systems, `next`/`->` the nodes of the same
 * workflow, `calls` the workflows.
 */
import * as assert from 'node:assert/strict';
import { URI } from 'langium';
import { setTextDocument } from 'langium/test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem } from 'vscode-languageserver-types';
import type { TestWorkspace } from '../helpers.js';
import { COMPLETION_LIMIT } from '../../language/src/lsp/completion-ranking.js';
import { loadWorkspace, ORG } from '../helpers.js';

async function completeAt(files: Record<string, string>, fileName = 'main.workflow'): Promise<CompletionItem[]> {
    const workspace: TestWorkspace = await loadWorkspace({ 'org.workflow': ORG, ...files }, { allowSyntaxErrors: true });
    const file = workspace.files[fileName];
    assert.equal(file.cursors.length, 1, 'the test marks one cursor');
    const list = await workspace.services.lsp.CompletionProvider!.getCompletion(file.document, {
        textDocument: { uri: file.uri },
        position: file.cursors[0],
    });
    return list?.items ?? [];
}

function labels(items: CompletionItem[]): string[] {
    return items.map(item => item.label).sort();
}

const OTHER = `workflow Other { owner Sales; step Elsewhere { owner Sales.Rep; next Fin }; end Fin }\n`;

describe('completion', () => {
    it('offers teams and their roles and people after owner', async () => {
        const items = await completeAt({ 'main.workflow': 'workflow W { owner <|> }' });
        const offered = labels(items);
        for (const expected of [
            'Sales',
            'Billing',
            'Support',
            'Sales.Rep',
            'Sales.Manager',
            'Sales.bob',
            'Billing.Clerk',
            'Support.Agent',
        ]) {
            assert.ok(offered.includes(expected), `${expected} offered in ${offered.join(', ')}`);
        }
        assert.ok(!offered.includes('CRM'), 'systems are not owners');
        assert.ok(!offered.includes('W'), 'workflows are not owners');
    });

    it('offers only the members of the team after Team.', async () => {
        const items = await completeAt({ 'main.workflow': 'workflow W { owner Sales.<|> }' });
        assert.deepEqual(labels(items), ['Manager', 'Rep', 'bob']);
    });

    it('offers systems after uses, automated by and via, and nothing else', async () => {
        for (const text of [
            'workflow W { owner Sales; step A { owner Sales.Rep; uses <|> } }',
            'workflow W { owner Sales; step A { owner Sales.Rep; automated by <|> } }',
            'workflow W { owner Sales; step A { owner Sales.Rep; next B via <|> }; step B { owner Sales } }',
        ]) {
            const items = await completeAt({ 'main.workflow': text });
            assert.deepEqual(
                labels(items).filter(label => /^[A-Z]/.test(label)),
                ['CRM', 'Chat', 'Ledger'],
                text,
            );
        }
    });

    it('offers the nodes of the same workflow after next, never those of another', async () => {
        const items = await completeAt({
            'main.workflow': `${OTHER}workflow W { owner Sales; step A { owner Sales.Rep; next <|> }; decision B { owner Sales }; end Done }`,
        });
        const offered = labels(items);
        assert.deepEqual(
            offered.filter(label => ['A', 'B', 'Done', 'Elsewhere', 'Fin'].includes(label)),
            ['A', 'B', 'Done'],
        );
    });

    it('offers the nodes of the same workflow after ->', async () => {
        const items = await completeAt({
            'main.workflow': `${OTHER}workflow W { owner Sales; decision D { owner Sales; when "x" -> <|> }; step S { owner Sales }; end Done }`,
        });
        assert.deepEqual(
            labels(items).filter(label => /^[A-Z]/.test(label)),
            ['D', 'Done', 'S'],
        );
    });

    it('offers workflows from every file after calls', async () => {
        const items = await completeAt({
            'other.workflow': OTHER,
            'main.workflow': 'workflow W { owner Sales; step A { owner Sales.Rep; calls <|> } }',
        });
        assert.deepEqual(
            labels(items).filter(label => /^[A-Z]/.test(label)),
            ['Other', 'W'],
        );
    });

    it('offers teams after access, without qualified members', async () => {
        const items = await completeAt({ 'main.workflow': 'system Fax { owner Sales; access <|> }' });
        assert.deepEqual(
            labels(items).filter(label => /^[A-Z]/.test(label)),
            ['Billing', 'Sales', 'Support'],
        );
    });

    it('offers clause keywords inside a step and no names', async () => {
        const items = await completeAt({ 'main.workflow': 'workflow W { owner Sales; step A { <|> } }' });
        const offered = labels(items);
        for (const keyword of ['owner', 'uses', 'automated', 'calls', 'duration', 'escalate', 'next']) {
            assert.ok(offered.includes(keyword), `${keyword} offered`);
        }
        assert.ok(!offered.includes('when'), 'branches belong to decisions');
        assert.ok(!offered.includes('Sales'), 'no names where a keyword is expected');
    });

    it('completes from the node around the cursor in a long workflow, inside and between nodes', async () => {
        const steps = Array.from({ length: 40 }, (_, i) => `  step S${i} { owner Sales.Rep; next S${i + 1} }`).join('\n');
        const inDecision = await completeAt({
            'main.workflow': `workflow W {\n  owner Sales\n${steps}\n  decision D { owner Sales; <|> }\n  step S40 { owner Sales; next Done }\n  end Done\n}`,
        });
        const offered = labels(inDecision);
        assert.ok(offered.includes('when') && offered.includes('otherwise'), offered.join(', '));
        assert.ok(!offered.includes('next'), 'a decision has branches, not next');

        const between = await completeAt({
            'main.workflow': `workflow W {\n  owner Sales\n${steps}\n  <|>\n  step S40 { owner Sales; next Done }\n  end Done\n}`,
        });
        const keywords = labels(between);
        assert.ok(
            ['step', 'decision', 'end', 'owner', 'sla'].every(keyword => keywords.includes(keyword)),
            keywords.join(', '),
        );
        assert.ok(!keywords.includes('when'));

        const target = await completeAt({
            'main.workflow': `workflow W {\n  owner Sales\n${steps}\n  step S40 { owner Sales; next S3<|> }\n  end Done\n}`,
        });
        assert.ok(labels(target).includes('S39') && labels(target).includes('S3'), labels(target).slice(0, 10).join(', '));
    });

    it('shows the kind and title of a candidate', async () => {
        const items = await completeAt({
            'main.workflow': 'system Fax "Fax machine" { owner Sales }\nworkflow W { owner Sales; step A { owner Sales.Rep; uses <|> } }',
        });
        assert.equal(items.find(item => item.label === 'Fax')?.detail, 'system — Fax machine');
    });

    describe('in a workflow of more nodes than the list carries', () => {
        const count = COMPLETION_LIMIT * 3;
        const steps = Array.from({ length: count }, (_, i) => `  step S${i} { owner Sales.Rep; next S${i + 1} }`).join('\n');
        const workflow = (at: number, typed: string) =>
            `workflow W {\n  owner Sales\n${steps.replace(`step S${at} { owner Sales.Rep; next S${at + 1} }`, `step S${at} { owner Sales.Rep; next ${typed}<|> }`)}\n  step S${count} { owner Sales }\n}`;
        const list = async (at: number, typed: string) => {
            const workspace = await loadWorkspace(
                { 'org.workflow': ORG, 'main.workflow': workflow(at, typed) },
                { allowSyntaxErrors: true },
            );
            const file = workspace.files['main.workflow'];
            return (await workspace.services.lsp.CompletionProvider!.getCompletion(file.document, {
                textDocument: { uri: file.uri },
                position: file.cursors[0],
            }))!;
        };
        const inEditorOrder = (items: CompletionItem[]) =>
            [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? '') || a.label.localeCompare(b.label));

        it('carries at most the limit and says the list is incomplete', async () => {
            const result = await list(300, '');
            const targets = result.items.filter(item => /^S\d+$/.test(item.label));
            assert.equal(targets.length, COMPLETION_LIMIT);
            assert.equal(result.isIncomplete, true);
        });

        it('offers the nodes nearest the cursor first when nothing is typed', async () => {
            const result = await list(300, '');
            const order = inEditorOrder(result.items.filter(item => /^S\d+$/.test(item.label))).map(item => item.label);
            assert.deepEqual(order.slice(0, 2).sort(), ['S300', 'S301']);
            assert.ok(order.slice(0, 4).includes('S299'), order.slice(0, 4).join(', '));
            const numbers = order.map(label => Number(label.slice(1)));
            assert.ok(
                numbers.every(n => Math.abs(n - 300) <= COMPLETION_LIMIT / 2 + 1),
                'the farthest nodes are left out',
            );
        });

        it('still offers the nearest first after a keystroke before the cursor moved the text', async () => {
            // `next S3` is a whole reference: a file without syntax errors is re-parsed node by node.
            const text = workflow(300, 'S3');
            const workspace = await loadWorkspace({ 'org.workflow': ORG, 'main.workflow': text }, { allowSyntaxErrors: true });
            const file = workspace.files['main.workflow'];
            const complete = async () => {
                const document = workspace.services.shared.workspace.LangiumDocuments.getDocument(URI.parse(file.uri))!;
                const result = await workspace.services.lsp.CompletionProvider!.getCompletion(document, {
                    textDocument: { uri: file.uri },
                    position: file.cursors[0],
                });
                return inEditorOrder(result!.items.filter(item => /^S\d+$/.test(item.label))).map(item => item.label);
            };
            assert.deepEqual((await complete()).slice(0, 2).sort(), ['S300', 'S301']);
            // A long title typed into the step before the cursor's, on its own line: the cursor keeps
            // its line and column, and every node from S300 on starts 5,000 characters later.
            const source = workspace.services.shared.workspace.LangiumDocuments.getDocument(URI.parse(file.uri))!.textDocument.getText();
            const at = source.indexOf('step S299 ') + 'step S299 '.length;
            const edited = `${source.slice(0, at)}"${'x'.repeat(5000)}" ${source.slice(at)}`;
            setTextDocument(workspace.services, TextDocument.create(file.uri, 'workflow', 2, edited));
            await workspace.services.shared.workspace.DocumentBuilder.update([URI.parse(file.uri)], []);
            assert.deepEqual((await complete()).slice(0, 2).sort(), ['S300', 'S301']);
        });

        it('ranks names starting with the typed prefix before fuzzy matches, and finds far ones by prefix', async () => {
            const result = await list(10, 'S59');
            const order = inEditorOrder(result.items.filter(item => /^S\d+$/.test(item.label))).map(item => item.label);
            // S59 and S590–S599 start with the prefix, though they are far from step 10.
            assert.deepEqual(order.slice(0, 11).sort(), ['S59', ...Array.from({ length: 10 }, (_, i) => `S59${i}`)].sort());
            assert.ok(order.length > 11, 'fuzzy matches (S5…9…) follow');
        });
    });
});
