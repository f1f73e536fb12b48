/**
 * A code lens above each workflow with its figures:
 * `9 steps · 4 teams · 3 hand-offs · critical path 3d 7h / SLA 10d` (the same critical path as
 * `sla-exceeded`), and a lens that opens the diagram.
 */
import type { LangiumDocument, LangiumSharedCoreServices } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CodeLens } from 'vscode-languageserver';
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

    provideCodeLens(document: LangiumDocument): CodeLens[] {
        const facts = this.orgFacts;
        const lenses: CodeLens[] = facts ? teamCodeLenses(document, () => facts.get()) : [];
        for (const workflow of workflowsOf(document)) {
            const range = workflow.$cstNode?.range;
            if (!range) continue;
            const at = { start: range.start, end: range.start };
            lenses.push({ range: at, command: { title: summaryLine(summarize(workflow)), command: '' } });
            lenses.push({
                range: at,
                command: { title: 'Open preview', command: OPEN_PREVIEW_COMMAND, arguments: [document.uri.toString(), workflow.name] },
            });
        }
        return lenses;
    }
}
