/**
 * A code lens above each workflow with its figures:
 * `9 steps · 4 teams · 3 hand-offs · critical path 3d 7h / SLA 10d` (the same critical path as
 * `sla-exceeded`), followed, for a workflow with ranges or likelihoods, by the simulated
 * `P80 6d 4h / SLA 10d · 7% over`; and a lens that opens the diagram.
 */
import type { Cancellation, LangiumDocument, LangiumSharedCoreServices } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CodeLens, CodeLensParams } from 'vscode-languageserver';
import type { Workflow } from '../generated/ast.js';
import { compileWorkflow } from '../analysis/simulation/compiled-workflow.js';
import { editorSimulation } from '../analysis/simulation/simulation-cache.js';
import { lensText } from '../analysis/simulation/simulation-text.js';
import { summarize, summaryLine } from '../analysis/workflow-summary.js';
import { workflowsOf } from '../workspace/workspace-queries.js';
import { teamCodeLenses } from './team-code-lens.js';
import { OrgFactsCache } from '../workspace/org-facts-cache.js';

/** The client command that opens the preview of a workflow: arguments are the document URI and the workflow name. */
export const OPEN_PREVIEW_COMMAND = 'workflowArchitect.openPreviewToSide';

export class WorkflowCodeLensProvider implements CodeLensProvider {
    private readonly orgFacts: OrgFactsCache | undefined;

    /** Without the shared services (as in older callers), teams get no lens. */
    constructor(shared?: LangiumSharedCoreServices) {
        this.orgFacts = shared ? new OrgFactsCache(shared) : undefined;
    }

    async provideCodeLens(
        document: LangiumDocument,
        _params?: CodeLensParams,
        cancelToken?: Cancellation.CancellationToken,
    ): Promise<CodeLens[]> {
        const facts = this.orgFacts;
        const lenses: CodeLens[] = facts ? teamCodeLenses(document, () => facts.get()) : [];
        for (const workflow of workflowsOf(document)) {
            const range = workflow.$cstNode?.range;
            if (!range) continue;
            const at = { start: range.start, end: range.start };
            const simulated = await simulationPart(workflow, cancelToken);
            const title = [summaryLine(summarize(workflow)), simulated].filter(Boolean).join(' · ');
            lenses.push({ range: at, command: { title, command: '' } });
            lenses.push({
                range: at,
                command: { title: 'Open preview', command: OPEN_PREVIEW_COMMAND, arguments: [document.uri.toString(), workflow.name] },
            });
        }
        return lenses;
    }
}

/** The simulated part of the lens, for a workflow whose time is uncertain; `undefined` otherwise. */
async function simulationPart(workflow: Workflow, cancelToken?: Cancellation.CancellationToken): Promise<string | undefined> {
    const compiled = compileWorkflow(workflow);
    if (!compiled.uncertain) return undefined;
    return lensText(await editorSimulation(compiled, cancelToken));
}
