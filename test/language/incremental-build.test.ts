/**
 * Incremental builds: after a keystroke inside one node, linking, the reference index and
 * validation redo only what depends on that node (`language/src/langium-patches/node-replacement.ts`).
 * After every edit of long seeded series, the live workspace must equal a fresh build of the same
 * texts: every document's diagnostics, links, reference index, counted reference targets, AST and
 * token positions. The edits cover each path: typing in a title, changing a duration or an owner
 * (the flow and hand-offs of other nodes change), changing a `next` target, renaming, adding and
 * removing nodes, typing a reference into a node that had none, typing a syntax error inside a
 * node and mending it, and renaming a team in another file.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { AstNode, LangiumDocument, ReferenceDescription } from 'langium';
import { AstUtils, CstUtils, URI } from 'langium';
import { setTextDocument } from 'langium/test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TestWorkspace } from '../helpers.js';
import { astShape, loadWorkspace, seededRandom } from '../helpers.js';
import { createWorkflowServices } from '../../language/src/workflow-module.js';
import { buildWorkspace } from '../../language/src/workspace/workflow-workspace.js';
import type { Step } from '../../language/src/generated/ast.js';
import { spliceOf } from '../../language/src/langium-patches/node-replacement.js';
import { EmptyFileSystem } from 'langium';

type Edit = (text: string, next: () => number) => string;

function nthIndex(text: string, needle: string | RegExp, next: () => number): number {
    const positions: number[] = [];
    const pattern = typeof needle === 'string' ? new RegExp(needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g') : needle;
    for (const match of text.matchAll(pattern)) positions.push(match.index!);
    return positions.length === 0 ? -1 : positions[Math.floor(next() * positions.length)];
}

const insertAt = (text: string, at: number, inserted: string) => (at < 0 ? text : text.slice(0, at) + inserted + text.slice(at));

/** Removes the syntax errors the edits below type: stray words and braces. */
function mend(text: string): string {
    return text
        .replace(/(?<=\n {4})x(?=duration|owner|next)/g, '')
        .replace(/(?<=\n {4})oops (?=duration|owner|next)/g, '')
        .replace(/(?<=\n {4})\} (?=uses )/g, '');
}

/** Edits of the workflow file; most fall inside one node. */
const FLOW_EDITS: Edit[] = [
    // a letter typed into a title, and deleted
    (text, next) => insertAt(text, nthIndex(text, /(?<=step \w+ ")/g, next), 'q'),
    (text, next) => {
        const at = nthIndex(text, /(?<=step \w+ ")q/g, next);
        return at < 0 ? text : text.slice(0, at) + text.slice(at + 1);
    },
    // a duration changed: the critical path moves
    (text, next) => insertAt(text, nthIndex(text, /(?<=duration )\d/g, next), String(1 + Math.floor(next() * 9))),
    // an owner changed: hand-offs into this node change
    (text, next) => {
        const at = nthIndex(text, /(?<=\n {4}owner )\w+\.\w+/g, next);
        if (at < 0) return text;
        const end = text.indexOf('\n', at);
        return text.slice(0, at) + ['Finance.Clerk', 'Procurement.Buyer', 'Warehouse.Clerk'][Math.floor(next() * 3)] + text.slice(end);
    },
    // a `next` target changed to another node, or to one that does not exist
    (text, next) => {
        const at = nthIndex(text, /(?<=next )\w+/g, next);
        if (at < 0) return text;
        const end = at + /^\w+/.exec(text.slice(at))![0].length;
        return text.slice(0, at) + ['Pay', 'Archive', 'Match', 'Nowhere'][Math.floor(next() * 4)] + text.slice(end);
    },
    // a node renamed (its name is inside its text)
    (text, next) => insertAt(text, nthIndex(text, /(?<=step \w)\w/g, next), 'R'),
    // a syntax error typed inside a node: a stray word before a clause
    (text, next) => insertAt(text, nthIndex(text, /(?<=\n {4})(?:duration|owner|next) /g, next), 'x'),
    (text, next) => insertAt(text, nthIndex(text, /(?<=\n {4})(?:duration|owner|next) /g, next), 'oops '),
    // and mended (also every sixth edit)
    mend,
    // a syntax error that reaches outside the node: an unbalanced brace
    (text, next) => insertAt(text, nthIndex(text, /(?<=\n {4})uses /g, next), '} '),
    // a node added, and one removed
    (text, next) => insertAt(text, nthIndex(text, /\n {2}step /g, next), '\n  step Added { owner Finance.Clerk; duration 1h; next Pay }'),
    text => text.replace(/\n {2}step Added \{[^}]*\}/, ''),
    // a comment typed inside a node
    (text, next) => insertAt(text, nthIndex(text, /(?<=\n {4})next /g, next), '// later\n    '),
];

/** Edits of the organization: a team renamed and back, which breaks and mends the workflow's owners. */
const ORG_EDITS: Edit[] = [
    text =>
        text.includes('team Finance2') ? text.replace('team Finance2', 'team Finance') : text.replace('team Finance ', 'team Finance2 '),
    (text, next) => insertAt(text, nthIndex(text, /(?<=role Clerk ")/g, next), 'z'),
];

/** Every reference of the document: its text, where it stands and what it resolves to. */
function links(document: LangiumDocument): string[] {
    const shown: string[] = [];
    for (const node of AstUtils.streamAst(document.parseResult.value)) {
        for (const { reference } of AstUtils.streamReferences(node)) {
            const target = 'ref' in reference ? reference.ref : undefined;
            const where = target
                ? `${AstUtils.getDocument(target).uri.toString()}#${target.$cstNode?.offset}`
                : `error ${reference.error?.message}`;
            shown.push(`${reference.$refNode?.offset} ${reference.$refText} -> ${where}`);
        }
    }
    return shown.sort();
}

function referenceIndex(workspace: TestWorkspace): string[] {
    const index = workspace.services.shared.workspace.IndexManager as unknown as { referenceIndex: Map<string, ReferenceDescription[]> };
    return [...index.referenceIndex.values()]
        .flat()
        .map(
            d =>
                `${d.sourceUri.toString()} ${d.sourcePath} -> ${d.targetUri.toString()} ${d.targetPath} ${JSON.stringify(d.segment.range)} ${d.segment.offset}`,
        )
        .sort();
}

/** What the document's references resolve to, as the workspace facts count it (kept across keystrokes). */
function targets(workspace: TestWorkspace, document: LangiumDocument): { all: string[]; foreign: string[] } {
    const counted = workspace.services.validation.WorkspaceFacts.referenceTargets(document);
    const where = (node: AstNode) => `${AstUtils.getDocument(node).uri.toString()}#${node.$cstNode?.offset}`;
    return {
        all: [...counted.all].map(([node, count]) => `${where(node)} ×${count}`).sort(),
        foreign: [...counted.foreign].map(([key, count]) => `${key} ×${count}`).sort(),
    };
}

/** Calls `counted` for each link of the workspace that kept the rest of the document's links. */
function countIncrementalLinks(workspace: TestWorkspace, counted: () => void): void {
    const linker = workspace.services.references.Linker as unknown as { linkIncrementally: (...args: unknown[]) => unknown };
    const linkIncrementally = linker.linkIncrementally.bind(linker);
    linker.linkIncrementally = (...args: unknown[]) => {
        const build = linkIncrementally(...args);
        if (build) counted();
        return build;
    };
}

function view(workspace: TestWorkspace): unknown {
    const documents = Object.values(workspace.files).map(file =>
        workspace.services.shared.workspace.LangiumDocuments.getDocument(URI.parse(file.uri))!,
    );
    return {
        documents: documents.map(document => ({
            uri: document.uri.toString(),
            diagnostics: (document.diagnostics ?? []).map(d => `${JSON.stringify(d.range)} ${d.code} ${d.message}`).sort(),
            links: links(document),
            // The linker's list in its order (the reference index is built from it in that order).
            listed: document.references.map(reference => `${reference.$refNode?.offset} ${reference.$refText}`),
            targets: targets(workspace, document),
            ast: astShape(document.parseResult.value),
            tokens: CstUtils.flattenCst(document.parseResult.value.$cstNode!)
                .map(leaf => `${leaf.offset}+${leaf.length} ${JSON.stringify(leaf.range)}`)
                .toArray(),
        })),
        references: referenceIndex(workspace),
    };
}

describe('incremental builds', function () {
    this.timeout(300_000);

    it('equal a fresh build after each of 3 seeded series of 60 edits', async () => {
        const read = (name: string) => fs.readFileSync(`examples/${name}.workflow`, 'utf8');
        let incremental = 0;
        for (let series = 1; series <= 3; series++) {
            const texts: Record<string, string> = {
                'flow.workflow': read('purchase-to-pay'),
                'org.workflow': read('organization'),
                'systems.workflow': read('systems'),
            };
            const live = await loadWorkspace(texts);
            // The keystrokes that keep the rest of the document's links: counted, so the test fails if that path stops being taken.
            countIncrementalLinks(live, () => incremental++);
            const next = seededRandom(500 + series);
            for (let step = 1; step <= 60; step++) {
                const name = next() < 0.9 ? 'flow.workflow' : 'org.workflow';
                const edits = name === 'flow.workflow' ? FLOW_EDITS : ORG_EDITS;
                const edit = step % 6 === 0 && name === 'flow.workflow' ? mend : edits[Math.floor(next() * edits.length)];
                texts[name] = edit(texts[name], next);
                const uri = live.files[name].uri;
                setTextDocument(live.services, TextDocument.create(uri, 'workflow', step + 1, texts[name]));
                await live.services.shared.workspace.DocumentBuilder.update([URI.parse(uri)], []);
                const fresh = await loadWorkspace(texts, { allowSyntaxErrors: true });
                assert.deepEqual(view(live), view(fresh), `series ${series}, after edit ${step} of ${name}`);
                // Only the latest splice is kept: a chain would hold every earlier list and replaced node.
                const references = live.services.shared.workspace.LangiumDocuments.getDocument(URI.parse(uri))!.references;
                const splice = spliceOf(references);
                assert.ok(!splice || !spliceOf(splice.previous), `series ${series}, edit ${step}: the splice before is forgotten`);
            }
        }
        assert.ok(incremental >= 45, `only ${incremental} of 180 edits kept the other links`);
    });

    it('equal a fresh build after a reference is typed into a node that had none, first, in the middle and last', async () => {
        // Such a node has no run of references to be replaced: the new node's go after the nearest
        // node before it that has references, or before the nearest after it.
        const read = (name: string) => fs.readFileSync(`examples/${name}.workflow`, 'utf8');
        const flow = read('purchase-to-pay');
        const steps = [...flow.matchAll(/\n {2}step /g)].map(match => match.index!);
        const end = flow.lastIndexOf('\n}');
        for (const at of [steps[0], steps[Math.floor(steps.length / 2)], end]) {
            const texts: Record<string, string> = {
                'flow.workflow': insertAt(flow, at, '\n  step Bare "Bare" { duration 1h }'),
                'org.workflow': read('organization'),
                'systems.workflow': read('systems'),
            };
            const live = await loadWorkspace(texts, { allowSyntaxErrors: true });
            let incremental = 0;
            countIncrementalLinks(live, () => incremental++);
            texts['flow.workflow'] = texts['flow.workflow'].replace('{ duration 1h }', '{ duration 1h; uses ServiceNow; next Pay }');
            const uri = live.files['flow.workflow'].uri;
            setTextDocument(live.services, TextDocument.create(uri, 'workflow', 2, texts['flow.workflow']));
            await live.services.shared.workspace.DocumentBuilder.update([URI.parse(uri)], []);
            assert.equal(incremental, 1, `the keystroke at ${at} kept the other links`);
            assert.deepEqual(view(live), view(await loadWorkspace(texts, { allowSyntaxErrors: true })), `typed at ${at}`);
        }
    });

    it("report the other nodes' findings again after the first keystroke, which checks fewer categories than the first build", async () => {
        // The first build of a document runs every category of checks; a keystroke's build runs
        // the fast ones. Two checks count their runs: a fast one and a slow one, each with a finding.
        const services = createWorkflowServices(EmptyFileSystem).Workflow;
        const runs = { fast: 0, slow: 0 };
        const registry = services.validation.ValidationRegistry;
        registry.register(
            { Step: (step: Step, accept) => (runs.fast++, accept('hint', `fast look at ${step.name}`, { node: step })) },
            undefined,
            'fast',
        );
        registry.register(
            { Step: (step: Step, accept) => (runs.slow++, accept('hint', `slow look at ${step.name}`, { node: step })) },
            undefined,
            'slow',
        );
        const text = fs.readFileSync('examples/purchase-to-pay.workflow', 'utf8');
        const others = {
            org: fs.readFileSync('examples/organization.workflow', 'utf8'),
            systems: fs.readFileSync('examples/systems.workflow', 'utf8'),
        };
        const uri = 'file:///workspace/flow.workflow';
        const { documents } = await buildWorkspace(
            [
                { uri, text },
                { uri: 'file:///workspace/org.workflow', text: others.org },
                { uri: 'file:///workspace/systems.workflow', text: others.systems },
            ],
            services,
        );
        const steps = runs.fast;
        assert.ok(steps > 3 && runs.slow === steps, `the first build ran both checks on every step (${runs.fast}, ${runs.slow})`);
        const messages = () => documents[0].diagnostics!.map(d => String(d.message)).filter(m => / look at /.test(m));
        assert.equal(messages().filter(m => m.startsWith('slow')).length, steps);

        const title = text.indexOf('"', text.indexOf('  step ')) + 1;
        const edited = text.slice(0, title) + 'x' + text.slice(title);
        setTextDocument(services, TextDocument.create(uri, 'workflow', 2, edited));
        runs.fast = 0;
        runs.slow = 0;
        await services.shared.workspace.DocumentBuilder.update([URI.parse(uri)], []);
        assert.ok(runs.fast >= 1 && runs.fast <= 3, `the keystroke re-ran the fast check on ${runs.fast} of ${steps} steps`);
        assert.equal(runs.slow, 0);
        // As a fresh build with the keystroke's categories would: every fast finding, no slow one.
        assert.equal(messages().filter(m => m.startsWith('fast')).length, steps);
        assert.equal(messages().filter(m => m.startsWith('slow')).length, 0);
    });
});
