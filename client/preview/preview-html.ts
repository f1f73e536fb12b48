/**
 * The preview's HTML: a strict content security policy (no remote content, scripts only with a
 * per-load nonce, styles only from the extension, workers only from the webview's own blobs),
 * and every interpolated value escaped.
 */
export interface PreviewPage {
    /** The webview's source for its own resources (`webview.cspSource`). */
    readonly cspSource: string;
    /** The address of a file of `dist/webview/` as the webview loads it. */
    readonly asset: (name: string) => string;
    readonly documentUri: string;
    readonly nonce?: string;
}

/** The content security policy of the preview: nothing remote, nothing inline but our nonce'd script. */
export function previewCsp(cspSource: string, nonce: string): string {
    return [
        `default-src 'none'`,
        `script-src 'nonce-${nonce}'`,
        `style-src ${cspSource}`,
        `img-src ${cspSource} blob: data:`,
        `font-src ${cspSource}`,
        `worker-src blob:`,
    ].join('; ');
}

export function previewHtml({ cspSource, asset, documentUri, nonce = createNonce() }: PreviewPage): string {
    const csp = previewCsp(cspSource, nonce);
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(asset('preview.css'))}">
<title>Workflow Preview</title>
</head>
<body data-uri="${escapeHtml(documentUri)}">
<div id="toolbar" role="toolbar" aria-label="Diagram">
  <select id="workflow" aria-label="Workflow" hidden></select>
  <button id="zoom-out" data-icon="zoom-out" title="Zoom out (−)" aria-label="Zoom out"></button>
  <button id="zoom-level" title="Zoom to 100%" aria-label="Zoom to 100%">100%</button>
  <button id="zoom-in" data-icon="zoom-in" title="Zoom in (+)" aria-label="Zoom in"></button>
  <button id="fit" data-icon="fit" title="Fit the whole diagram (0)" aria-label="Fit to view"></button>
  <span class="separator" aria-hidden="true"></span>
  <button id="critical" data-icon="critical" title="Highlight the critical path" aria-label="Critical path" role="switch" aria-checked="false"></button>
  <button id="minimap-toggle" data-icon="minimap" title="Show the overview" aria-label="Overview" role="switch" aria-checked="false"></button>
  <button id="legend-toggle" data-icon="legend" title="Show the legend" aria-label="Legend" role="switch" aria-checked="false"></button>
  <button id="org-map" data-icon="org-map" title="Open the organization map of the workspace" aria-label="Organization map"></button>
  <button id="simulation-toggle" data-icon="simulation" title="Simulation" aria-label="Simulation" role="switch" aria-checked="false"></button>
  <span id="simulation-figures" hidden></span>
  <span id="summary"></span>
</div>
<div id="banner" role="status" hidden></div>
<div id="frame" tabindex="0" role="region" aria-label="Diagram: drag or use the arrow keys to pan, + and − to zoom, 0 to fit"><div id="stage"></div></div>
<script nonce="${nonce}" src="${escapeHtml(asset('preview.js'))}"></script>
</body>
</html>`;
}

/** A fresh nonce for a webview page's content security policy. */
export function createNonce(): string {
    const bytes = new Uint8Array(18);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, byte => byte.toString(16).padStart(2, '0')).join('');
}

export function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, character => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character]!);
}
