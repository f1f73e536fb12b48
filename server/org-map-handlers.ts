/**
 * Serves the Organization Map view: `workflow/orgMap` answers with the map of the whole workspace
 * once it is validated. The view follows edits through `workflow/graphChanged`, which
 * `diagram-handlers.ts` sends after every validation.
 */
import { DocumentState } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import { locationOf, organizationMap } from '../language/src/analysis/org-map.js';
import { workflowsOf } from '../language/src/workspace/workspace-queries.js';
import type { OrgMapResult } from '../protocol/lsp-methods.js';
import { OrgMapRequest } from '../protocol/lsp-methods.js';

export function registerOrgMapHandlers(connection: Connection, shared: LangiumSharedServices): void {
    connection.onRequest(OrgMapRequest.type, async (_params, token) => {
        await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, token);
        const documents = shared.workspace.LangiumDocuments.all.toArray();
        const result: OrgMapResult = {
            map: organizationMap(documents),
            workflows: documents.flatMap(workflowsOf).map(workflow => ({
                name: workflow.name,
                ...(workflow.title !== undefined ? { title: workflow.title } : {}),
                location: locationOf(workflow),
            })),
        };
        return result;
    });
}
