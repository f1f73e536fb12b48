/**
 * Language benchmark: parse, full build (parse + link + validate) and rebuild after a
 * one-character edit, on generated workspaces, beside two same-run baselines: `JSON.parse` of
 * the same model as JSON (the floor) and a full build with Langium's default scope provider.
 * Each workspace is built once before its timed builds, and that first build is shown apart: it
 * runs code not yet compiled for the workspace's shape.
 *
 *   npm run bench                 all sizes; the default-scoping baseline up to 5,000 steps
 *   BENCH_FULL=1 npm run bench    also the default-scoping baseline at 20,000 steps (~30 s)
 */
import { DefaultScopeComputation, DefaultScopeProvider, EmptyFileSystem, URI } from 'langium';
import { setTextDocument } from 'langium/test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { WorkflowServices } from '../language/src/workflow-module.js';
import { createWorkflowServices } from '../language/src/workflow-module.js';
import type { SourceText } from '../language/src/workspace/workflow-workspace.js';
import { buildWorkspace } from '../language/src/workspace/workflow-workspace.js';
import { organizationText, workflowJson, workflowText } from './generate.js';
import { median, ms, percentile, printTable, timeRuns } from './measure.js';

interface Scenario {
    label: string;
    sources: SourceText[];
    json: string[];
    steps: number;
    runs: number;
    baseline: boolean;
}

export function singleFile(steps: number, runs: number): Scenario {
    return {
        label: `1 file, ${steps.toLocaleString('en')} steps`,
        sources: [{ uri: 'file:///bench/big.workflow', text: organizationText() + workflowText('Big', steps) }],
        json: [workflowJson('Big', steps)],
        steps,
        runs,
        baseline: steps <= 5000 || Boolean(process.env.BENCH_FULL),
    };
}

function manyFiles(files: number, nodes: number): Scenario {
    const sources = [{ uri: 'file:///bench/org.workflow', text: organizationText() }];
    const json: string[] = [];
    for (let f = 0; f < files; f++) {
        sources.push({ uri: `file:///bench/w${f}.workflow`, text: workflowText(`W${f}`, nodes) });
        json.push(workflowJson(`W${f}`, nodes));
    }
    return { label: `${files} files, ${nodes} nodes each`, sources, json, steps: files * nodes, runs: 5, baseline: true };
}

/** Langium's default scoping: local symbols per container, searched linearly for every reference. */
const defaultScoping = {
    references: {
        ScopeComputation: (services: WorkflowServices) => new DefaultScopeComputation(services),
        ScopeProvider: (services: WorkflowServices) => new DefaultScopeProvider(services),
    },
};

async function measure(scenario: Scenario): Promise<string[]> {
    const parser = createWorkflowServices(EmptyFileSystem).Workflow.parser.LangiumParser;
    // Services (and so the parser) are created before the clock starts: a server creates them once.
    const fresh = () => createWorkflowServices(EmptyFileSystem).Workflow;
    // The first build of the scenario, timed alone: the code it runs is not yet compiled for this
    // workspace's shape. The medians below are of the builds after it.
    const [cold] = await timeRuns(1, services => buildWorkspace(scenario.sources, services), fresh);
    const parse = median(await timeRuns(scenario.runs, () => scenario.sources.forEach(source => parser.parse(source.text))));
    const floor = median(await timeRuns(scenario.runs * 3, () => scenario.json.forEach(text => JSON.parse(text))));
    const build = median(await timeRuns(scenario.runs, services => buildWorkspace(scenario.sources, services), fresh));
    const baseline = scenario.baseline
        ? median(
              await timeRuns(
                  1,
                  services => buildWorkspace(scenario.sources, services),
                  () => createWorkflowServices(EmptyFileSystem, defaultScoping).Workflow,
              ),
          )
        : undefined;
    const edits = await timeEdits(scenario.sources, 20);
    return [
        scenario.label,
        ms(floor),
        ms(parse),
        ms(build),
        ms(cold),
        `${(build / parse).toFixed(1)}×`,
        `${(build / floor).toFixed(0)}×`,
        `${ms(median(edits))} / ${ms(percentile(edits, 95))}`,
        baseline === undefined ? 'skipped' : ms(baseline),
    ];
}

/**
 * Rebuild times after one-character edits (a letter added to a title, at `anchor` or in the last
 * `"Step …"` title), as the language server does them.
 */
export async function timeEdits(sources: SourceText[], count: number, given?: WorkflowServices, at?: number): Promise<number[]> {
    const { services } = await buildWorkspace(sources, given);
    const target = sources[sources.length - 1];
    const builder = services.shared.workspace.DocumentBuilder;
    const anchor = at ?? target.text.lastIndexOf('"Step ') + 1;
    return timeRuns(count, async () => {
        const version = Date.now();
        const text = target.text.slice(0, anchor) + String.fromCharCode(97 + (version % 26)) + target.text.slice(anchor);
        setTextDocument(services, TextDocument.create(target.uri, 'workflow', version, text));
        await builder.update([URI.parse(target.uri)], []);
    });
}

/** Completion requests at `next ` inside the last step, as the editor sends them while typing. */
export async function timeCompletion(sources: SourceText[], count: number, built?: WorkflowServices): Promise<number[]> {
    const { services, documents } = await buildWorkspace(sources, built);
    const document = documents[documents.length - 1];
    const text = document.textDocument.getText();
    const position = document.textDocument.positionAt(text.lastIndexOf('next ') + 'next '.length);
    const provider = services.lsp.CompletionProvider!;
    return timeRuns(count, () => provider.getCompletion(document, { textDocument: { uri: document.uri.toString() }, position }));
}

export async function completionBench(): Promise<void> {
    const rows: string[][] = [];
    for (const steps of [5000, 20000]) {
        const scenario = singleFile(steps, 1);
        const times = await timeCompletion(scenario.sources, 20);
        rows.push([scenario.label, ms(median(times)), ms(percentile(times, 95))]);
    }
    printTable('Completion after `next` (20 requests)', ['workspace', 'median', 'p95'], rows);
}

export async function languageBench(): Promise<void> {
    const scenarios = [singleFile(1000, 5), singleFile(5000, 3), singleFile(20000, 3), manyFiles(100, 100)];
    const rows: string[][] = [];
    for (const scenario of scenarios) {
        rows.push(await measure(scenario));
    }
    printTable(
        'Language build (median of the builds after a first one; edit: median / p95 of 20 one-character edits)',
        [
            'workspace',
            'JSON.parse (floor)',
            'parse',
            'full build',
            'first build',
            'build/parse',
            'build/floor',
            'rebuild after edit',
            'default scoping build',
        ],
        rows,
    );
}
