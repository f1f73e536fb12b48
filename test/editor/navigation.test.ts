/**
 * Find references, document highlight, rename (across files, each part of `Team.Role`, refusing
 * clashes), outline, workspace symbols and folding.
 */
import * as assert from 'node:assert/strict';
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { SymbolKind } from 'vscode-languageserver';
import type { MarkedFile, TestWorkspace } from '../helpers.js';
import { loadWorkspace, uriOf } from '../helpers.js';

const ORG = `team <|>Sales { role <|>Rep; person bob as Rep }
team Billing { role Clerk }
system CRM { owner Sales.Rep; access Sales, Billing }`;

const FLOW = `workflow Deal {
  owner Sales.Rep
  step Quote { owner Sales.Rep; uses CRM; next <|>Check via CRM }
  decision Check { owner Billing.Clerk; when "ok" -> Won; otherwise -> Quote }
  end Won
}`;

const position = (file: MarkedFile, cursor: number) => ({ textDocument: { uri: file.uri }, position: file.cursors[cursor] });

function applyEdits(text: string, edits: TextEdit[], file: MarkedFile): string {
    const doc = file.document.textDocument;
    return [...edits]
        .sort((a, b) => doc.offsetAt(b.range.start) - doc.offsetAt(a.range.start))
        .reduce(
            (result, edit) => result.slice(0, doc.offsetAt(edit.range.start)) + edit.newText + result.slice(doc.offsetAt(edit.range.end)),
            text,
        );
}

function applyWorkspaceEdit(workspace: TestWorkspace, edit: WorkspaceEdit | undefined): Record<string, string> {
    const result: Record<string, string> = {};
    for (const [name, file] of Object.entries(workspace.files)) {
        const edits = edit?.changes?.[file.uri] ?? [];
        result[name] = applyEdits(file.document.textDocument.getText(), edits, file);
    }
    return result;
}

describe('navigation and refactoring', () => {
    let workspace: TestWorkspace;
    let org: MarkedFile;
    let flow: MarkedFile;
    beforeEach(async () => {
        workspace = await loadWorkspace({ 'org.workflow': ORG, 'flow.workflow': FLOW });
        org = workspace.files['org.workflow'];
        flow = workspace.files['flow.workflow'];
    });

    it('finds the references of a team across files, with or without the declaration', async () => {
        const references = workspace.services.lsp.ReferencesProvider!;
        const without = await references.findReferences(org.document, { ...position(org, 0), context: { includeDeclaration: false } });
        assert.deepEqual(without.map(ref => ref.uri).sort(), [
            uriOf('flow.workflow'),
            uriOf('flow.workflow'),
            uriOf('org.workflow'),
            uriOf('org.workflow'),
        ]);
        const withDeclaration = await references.findReferences(org.document, {
            ...position(org, 0),
            context: { includeDeclaration: true },
        });
        assert.equal(withDeclaration.length, without.length + 1);
    });

    it('highlights a node and its uses in the document', async () => {
        const highlights = await workspace.services.lsp.DocumentHighlightProvider!.getDocumentHighlight(flow.document, position(flow, 0));
        assert.deepEqual(highlights?.map(h => h.range.start.line).sort(), [2, 3]);
    });

    it('renames a role across files, touching only the role part of Team.Role', async () => {
        const edit = await workspace.services.lsp.RenameProvider!.rename(org.document, { ...position(org, 1), newName: 'Seller' });
        const after = applyWorkspaceEdit(workspace, edit);
        assert.match(after['org.workflow'], /role Seller; person bob as Seller/);
        assert.match(after['org.workflow'], /owner Sales\.Seller/);
        assert.match(after['flow.workflow'], /owner Sales\.Seller\n/);
        assert.match(after['flow.workflow'], /step Quote \{ owner Sales\.Seller;/);
        assert.doesNotMatch(after['flow.workflow'], /\bRep\b/);

        // The renamed workspace has no broken reference.
        const renamed = await loadWorkspace(after);
        for (const file of Object.values(renamed.files)) {
            assert.deepEqual(
                file.document.diagnostics?.filter(d => d.code === 'unresolved-reference'),
                [],
            );
        }
    });

    it('renames a team, leaving the role parts alone', async () => {
        const edit = await workspace.services.lsp.RenameProvider!.rename(org.document, { ...position(org, 0), newName: 'Revenue' });
        const after = applyWorkspaceEdit(workspace, edit);
        assert.match(after['flow.workflow'], /owner Revenue\.Rep/);
        assert.match(after['org.workflow'], /access Revenue, Billing/);
    });

    it('refuses a name that clashes, a keyword or a non-identifier, with a message', async () => {
        const rename = async (newName: string, file = org, cursor = 0) =>
            workspace.services.lsp.RenameProvider!.rename(file.document, { ...position(file, cursor), newName });
        await assert.rejects(rename('Billing'), /A team named 'Billing' already exists/);
        await assert.rejects(rename('CRM'), /A system named 'CRM' already exists/);
        await assert.rejects(rename('bob', org, 1), /Team 'Sales' already has a member named 'bob'/);
        await assert.rejects(rename('Won', flow, 0), /Workflow 'Deal' already has a node named 'Won'/);
        await assert.rejects(rename('step'), /keyword/);
        await assert.rejects(rename('1st'), /not a valid name/);
    });

    it('outlines teams with members, systems, and workflows with nodes', async () => {
        const symbols = await workspace.services.lsp.DocumentSymbolProvider!.getSymbols(org.document, { textDocument: { uri: org.uri } });
        assert.deepEqual(
            symbols.map(s => [s.name, s.kind]),
            [
                ['Sales', SymbolKind.Namespace],
                ['Billing', SymbolKind.Namespace],
                ['CRM', SymbolKind.Class],
            ],
        );
        assert.deepEqual(
            symbols[0].children?.map(s => [s.name, s.kind]),
            [
                ['Rep', SymbolKind.EnumMember],
                ['bob', SymbolKind.Constant],
            ],
        );
        const flowSymbols = await workspace.services.lsp.DocumentSymbolProvider!.getSymbols(flow.document, {
            textDocument: { uri: flow.uri },
        });
        assert.deepEqual(
            flowSymbols[0].children?.map(s => s.name),
            ['Quote', 'Check', 'Won'],
        );
    });

    it('lists workspace symbols from every file', async () => {
        const symbols = await workspace.services.shared.lsp.WorkspaceSymbolProvider!.getSymbols({ query: '' });
        assert.deepEqual(symbols.map(s => s.name).sort(), ['Billing', 'CRM', 'Deal', 'Sales']);
    });

    it('folds blocks and comments', async () => {
        const folded = await loadWorkspace({
            'a.workflow':
                '/* a\n   long\n   comment */\nworkflow W {\n  owner T\n  step A {\n    owner T\n    next A\n  }\n}\nteam T { role R }',
        });
        const ranges = await folded.services.lsp.FoldingRangeProvider!.getFoldingRanges(folded.files['a.workflow'].document, {
            textDocument: { uri: uriOf('a.workflow') },
        });
        const spans = ranges.map(r => [r.startLine, r.endLine]);
        assert.ok(
            spans.some(([start]) => start === 0),
            'the block comment folds',
        );
        assert.ok(
            spans.some(([start, end]) => start === 3 && end >= 8),
            'the workflow folds',
        );
        assert.ok(
            spans.some(([start, end]) => start === 5 && end >= 7),
            'the step folds',
        );
    });
});
