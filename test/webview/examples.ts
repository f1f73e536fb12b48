/** The graph models the webview tests feed the preview: the examples' workflows, as the language server builds them. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { WorkflowGraph } from '../../protocol/graph-model.js';
import type { ToWebview } from '../../protocol/webview-messages.js';
import { buildGraph } from '../../language/src/analysis/graph-builder.js';
import { workflowsOf } from '../../language/src/workspace/workspace-queries.js';
import { buildWorkspace } from '../../language/src/workspace/workflow-workspace.js';

/** A workflow of an example file, loaded with the other examples as the command line's `render` loads it. */
export async function exampleGraph(file = 'purchase-to-pay.workflow', workflow?: string): Promise<WorkflowGraph> {
    const files = fs.readdirSync('examples').filter(name => name.endsWith('.workflow'));
    const ordered = [file, ...files.filter(name => name !== file)];
    const { documents } = await buildWorkspace(
        ordered.map(name => ({
            uri: pathToFileURL(path.resolve('examples', name)).toString(),
            text: fs.readFileSync(path.join('examples', name), 'utf8'),
        })),
    );
    const chosen = workflowsOf(documents[0]).find(candidate => workflow === undefined || candidate.name === workflow)!;
    return buildGraph(documents[0], chosen);
}

export function model(graph: WorkflowGraph | undefined, extra: Partial<Extract<ToWebview, { type: 'model' }>> = {}): ToWebview {
    return {
        type: 'model',
        uri: graph?.uri ?? 'file:///workspace/flow.workflow',
        graph,
        syntaxErrors: 0,
        direction: 'RIGHT',
        fileName: 'flow.workflow',
        workflows: graph ? [{ name: graph.workflow, title: graph.title }] : [],
        ...extra,
    };
}
