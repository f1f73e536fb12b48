/**
 * Each patch of Langium (`language/src/langium-patches/`) beside Langium's own behaviour, in the
 * same run, on one generated file: the service the patch replaces is swapped back for Langium's
 * default and the same work is timed with both.
 *
 *   npm run bench -- patches
 */
import type { Module } from 'langium';
import { performance } from 'node:perf_hooks';
import { createLangiumParser, DefaultLangiumDocumentFactory, DefaultLinker, DocumentState, EmptyFileSystem } from 'langium';
import type { LangiumSharedServices, PartialLangiumServices, PartialLangiumSharedServices } from 'langium/lsp';
import { DefaultCompletionProvider } from 'langium/lsp';
import type { WorkflowServices } from '../language/src/workflow-module.js';
import { createWorkflowServices } from '../language/src/workflow-module.js';
import type { SourceText } from '../language/src/workspace/workflow-workspace.js';
import { buildWorkspace } from '../language/src/workspace/workflow-workspace.js';
import { singleFile, timeCompletion, timeEdits } from './language-bench.js';
import { median, ms, percentile, printTable, timeRuns } from './measure.js';

type Overrides = Module<WorkflowServices, PartialLangiumServices>;
type SharedOverrides = Module<LangiumSharedServices, PartialLangiumSharedServices>;

const services = (overrides: Overrides = {}, shared: SharedOverrides = {}) =>
    createWorkflowServices(EmptyFileSystem, overrides, shared).Workflow;

interface Patch {
    readonly file: string;
    readonly measures: string;
    /** Times the work with the given services; returns the run times. */
    readonly time: (steps: number, services: () => WorkflowServices) => Promise<number[]>;
    /** Langium's own services for the same work. */
    readonly langium: () => WorkflowServices;
}

const PATCHES: Patch[] = [
    {
        file: 'linear-cst-builder.ts + container-links.ts',
        measures: 'parse',
        time: (steps, make) => {
            const { text } = singleFile(steps, 1).sources[0];
            return timeRuns(
                3,
                parser => parser.parse(text),
                () => make().parser.LangiumParser,
            );
        },
        langium: () => services({ parser: { LangiumParser: s => createLangiumParser(s) } }),
    },
    {
        file: 'batched-linker.ts',
        measures: 'linking phase of a full build',
        time: async (steps, make) => {
            const times: number[] = [];
            for (let run = 0; run < 3; run++) times.push(await timeLinking(singleFile(steps, 1).sources, make()));
            return times;
        },
        langium: () => services({ references: { Linker: s => new DefaultLinker(s) } }),
    },
    {
        file: 'incremental-parser.ts + incremental-document-factory.ts',
        measures: 'rebuild after a one-character edit',
        time: (steps, make) => timeEdits(singleFile(steps, 1).sources, 10, make()),
        langium: () => services({}, { workspace: { LangiumDocumentFactory: s => new DefaultLangiumDocumentFactory(s) } }),
    },
    {
        file: 'windowed-completion.ts',
        measures: 'completion after `next`',
        time: (steps, make) => timeCompletion(singleFile(steps, 1).sources, 10, make()),
        langium: () => services({ lsp: { CompletionProvider: s => new DefaultCompletionProvider(s) } }),
    },
];

/** Time between the end of scope computation and the end of linking, in one full build. */
async function timeLinking(sources: SourceText[], built: WorkflowServices): Promise<number> {
    let scoped = 0;
    let linked = 0;
    const builder = built.shared.workspace.DocumentBuilder;
    builder.onBuildPhase(DocumentState.ComputedScopes, () => {
        scoped = performance.now();
    });
    builder.onBuildPhase(DocumentState.Linked, () => {
        linked = performance.now();
    });
    await buildWorkspace(sources, built);
    return linked - scoped;
}

export async function patchesBench(): Promise<void> {
    const rows: string[][] = [];
    for (const steps of [5000, 20000]) {
        for (const patch of PATCHES) {
            const patched = await patch.time(steps, () => services());
            const langium = await patch.time(steps, patch.langium);
            const cell = (times: number[]) => `${ms(median(times))} / ${ms(percentile(times, 95))}`;
            rows.push([
                `${steps.toLocaleString('en')} steps`,
                patch.file,
                patch.measures,
                cell(patched),
                cell(langium),
                `${(median(langium) / median(patched)).toFixed(1)}×`,
            ]);
        }
    }
    printTable(
        "Langium patches against Langium 4.4.0's own service (median / p95, same run)",
        ['size', 'patch', 'measures', 'patched', 'Langium', 'speed-up'],
        rows,
    );
}
