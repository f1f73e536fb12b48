/**
 * Serves the views of the workspace: the graph model to the preview (`workflow/graph` on request,
 * `workflow/graphChanged` after every validation so an open preview can follow the text), and the
 * ownership matrix (`workflow/matrix`).
 */
import type { LangiumDocument } from 'langium';
import { DocumentState, URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import { buildGraph } from '../language/src/analysis/graph-builder.js';
import { workflowsOf } from '../language/src/workspace/workspace-queries.js';
import type { GraphParams, GraphResult } from '../protocol/lsp-methods.js';
import { GraphChangedNotification, GraphRequest, MatrixRequest } from '../protocol/lsp-methods.js';
import { withSimulation } from './simulation-overlay.js';
import { matrixCsv, matrixMarkdown, ownershipMatrix } from '../language/src/analysis/ownership-matrix.js';
import { workflowRcOf } from '../language/src/workspace/workflow-rc-store.js';

export function registerDiagramHandlers(connection: Connection, shared: LangiumSharedServices): void {
    connection.onRequest(GraphRequest.type, async (params, token) => {
        const uri = URI.parse(params.uri);
        if (!shared.workspace.LangiumDocuments.hasDocument(uri)) {
            return { workflows: [], syntaxErrors: 0 };
        }
        await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, uri, token);
        const document = shared.workspace.LangiumDocuments.getDocument(uri);
        return document ? withSimulation(document, graphResult(document, params), token) : { workflows: [], syntaxErrors: 0 };
    });
    connection.onRequest(MatrixRequest.type, async ({ format }, token) => {
        await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, token);
        // A file the configuration ignores is not part of the workspace, even while it is open.
        const rc = workflowRcOf(shared);
        const rows = ownershipMatrix(shared.workspace.LangiumDocuments.all.filter(document => !rc.isIgnored(document.uri)).toArray());
        return format === 'csv' ? matrixCsv(rows) : matrixMarkdown(rows);
    });
    shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, documents => {
        for (const document of documents) {
            void connection.sendNotification(GraphChangedNotification.type, { uri: document.uri.toString() });
        }
    });
}

export function graphResult(document: LangiumDocument, params: GraphParams): GraphResult {
    const workflows = workflowsOf(document);
    const chosen = workflows.find(workflow => workflow.name === params.workflow) ?? workflows[0];
    const parse = document.parseResult;
    return {
        workflows: workflows.map(workflow => ({ name: workflow.name, title: workflow.title, range: workflow.$cstNode!.range })),
        graph: chosen ? buildGraph(document, chosen) : undefined,
        syntaxErrors: parse.lexerErrors.length + parse.parserErrors.length,
    };
}
