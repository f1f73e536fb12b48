/**
 * The preview's exports. The SVG is the command line's file (`diagram/svg-document.ts`) in the
 * colours the VS Code theme gives the preview; the PNG is that SVG drawn into a canvas, which the
 * webview's content security policy allows because the file needs no stylesheet.
 */
import type { DiagramLayout } from '../protocol/diagram-layout.js';
import type { WorkflowGraph } from '../protocol/graph-model.js';
import type { DiagramView } from '../diagram/svg-document.js';
import { svgDocument } from '../diagram/svg-document.js';
import { resolvedPalette } from '../diagram/theme.js';

export function exportedSvg(graph: WorkflowGraph, layout: DiagramLayout, view: DiagramView): string {
    const theme = getComputedStyle(document.documentElement);
    return svgDocument(
        graph,
        layout,
        resolvedPalette(variable => theme.getPropertyValue(variable)),
        view,
    );
}

/** Twice the diagram's size, for sharp text on high-density screens. */
const PNG_SCALE = 2;

/** The SVG as base64 PNG. */
export async function svgToPng(svg: string, { width, height }: Pick<DiagramLayout, 'width' | 'height'>): Promise<string> {
    const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
    try {
        const image = new Image();
        await new Promise<void>((resolve, reject) => {
            image.onload = () => resolve();
            image.onerror = () => reject(new Error('The diagram could not be drawn as an image.'));
            image.src = url;
        });
        const canvas = document.createElement('canvas');
        canvas.width = Math.ceil(width * PNG_SCALE);
        canvas.height = Math.ceil(height * PNG_SCALE);
        const context = canvas.getContext('2d')!;
        context.scale(PNG_SCALE, PNG_SCALE);
        context.drawImage(image, 0, 0, width, height);
        return canvas.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
    } finally {
        URL.revokeObjectURL(url);
    }
}
