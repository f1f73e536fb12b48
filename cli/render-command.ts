/**
 * `workflow-architect render FILE [--workflow NAME] --format svg|mermaid|bpmn|json [-o OUT] [--direction right|down] [--critical]`:
 * the diagram the preview draws (SVG, light theme), a Mermaid flowchart, BPMN 2.0 with one lane
 * per team, or the graph model (in the form of `graph-json.ts`).
 * The file is loaded with the workspace `validate` would read for its folder, so names from other
 * files resolve; a neighbour that cannot be read is skipped with a note.
 */
import * as fs from 'node:fs';
import type { WorkflowGraph } from '../protocol/graph-model.js';
import { createElk } from '../diagram/elk.js';
import type { Direction } from '../protocol/diagram-layout.js';
import { layoutGraph } from '../diagram/layout.js';
import { BPMN_LAYOUT, toBpmn } from '../diagram/bpmn.js';
import { toMermaid } from '../diagram/mermaid.js';
import type { DiagramView } from '../diagram/svg-document.js';
import { svgDocument } from '../diagram/svg-document.js';
import { LIGHT_PALETTE } from '../diagram/theme.js';
import { buildGraph } from '../language/src/analysis/graph-builder.js';
import type { CommandOptions } from './commands.js';
import { graphJson } from './graph-json.js';
import { printable, UsageError } from './input-files.js';
import { loadFileWorkflow } from './load-workspace.js';

type Format = CommandOptions<'render'>['format'];

/** FILE and the options of `render`, checked against their choices by the parser. */
export interface RenderArgs extends CommandOptions<'render'> {
    readonly file: string;
}

/** Runs the command; the drawing goes through `write`, notes about skipped neighbours through `note`. */
export async function renderCommand(
    args: RenderArgs,
    write: (text: string) => void,
    note: (line: string) => void = () => {},
): Promise<number> {
    const format = args.format;
    const direction: Direction = args.direction === 'down' ? 'DOWN' : 'RIGHT';
    if (args.critical && format !== 'svg') throw new UsageError(`render: option '--critical' applies to --format svg only`);
    const { target, document, workflow } = await loadFileWorkflow(args.file, args.workflow, note);
    const graph = buildGraph(document, workflow);
    const output = await produce(graph, format, direction, target.displayPath, { showCritical: args.critical });
    if (args.out) {
        try {
            fs.writeFileSync(args.out, output);
        } catch {
            throw new UsageError(`${printable(args.out)}: cannot be written`);
        }
    } else {
        write(output);
    }
    return 0;
}

async function produce(graph: WorkflowGraph, format: Format, direction: Direction, file: string, view: DiagramView): Promise<string> {
    switch (format) {
        case 'json':
            return JSON.stringify(graphJson(graph, file), undefined, 2) + '\n';
        case 'mermaid':
            return toMermaid(graph, direction === 'RIGHT' ? 'LR' : 'TB');
        case 'bpmn':
            return toBpmn(graph, await layoutGraph(graph, createElk(), direction, BPMN_LAYOUT));
        case 'svg':
            return svgDocument(graph, await layoutGraph(graph, createElk(), direction), LIGHT_PALETTE, view);
    }
}
