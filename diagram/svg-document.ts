/**
 * The one writer of diagram files: standalone SVG text for a laid-out graph in a palette, used by
 * the preview's Export SVG and Export PNG and by the command line's `render --format svg`. Given
 * the same graph, layout, palette and view, both write the same bytes.
 *
 * The styles are presentation attributes on the elements, not a `<style>` block: the file looks
 * the same in every viewer, and the preview can draw it into a canvas under its content security
 * policy. Every string is escaped and stripped of what XML cannot hold, so the file always parses.
 */
import type { DiagramLayout } from '../protocol/diagram-layout.js';
import type { WorkflowGraph } from '../protocol/graph-model.js';
import { withPresentation } from './presentation.js';
import { renderDiagram } from './svg.js';
import type { Palette } from './theme.js';
import { diagramRules, LIGHT_PALETTE } from './theme.js';
import { serialize } from './vnode.js';

/** What the user chose to see, as the preview shows it; the command line can show the critical path (`--critical`). */
export interface DiagramView {
    readonly showCritical?: boolean;
    readonly selected?: string;
    readonly highlighted?: string;
}

export function svgDocument(graph: WorkflowGraph, layout: DiagramLayout, palette: Palette = LIGHT_PALETTE, view: DiagramView = {}): string {
    const tree = renderDiagram(graph, layout, { ...view, interactive: false });
    return `<?xml version="1.0" encoding="UTF-8"?>\n${serialize(withPresentation(tree, diagramRules(palette)))}\n`;
}
