/**
 * The Organization Map's HTML: the preview's content security policy (nothing remote, scripts only
 * with a per-load nonce, styles only from the extension) and the preview's toolbar styles, with a
 * side panel that lists what was clicked.
 */
import { createNonce, escapeHtml, previewCsp } from '../preview/preview-html.js';

export interface OrgMapPage {
    readonly cspSource: string;
    readonly asset: (name: string) => string;
    readonly nonce?: string;
}

export function orgMapHtml({ cspSource, asset, nonce = createNonce() }: OrgMapPage): string {
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(previewCsp(cspSource, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(asset('preview.css'))}">
<link rel="stylesheet" href="${escapeHtml(asset('org-map.css'))}">
<title>Organization Map</title>
</head>
<body class="wa-org-page">
<div id="toolbar" role="toolbar" aria-label="Organization map">
  <button id="zoom-out" data-icon="zoom-out" title="Zoom out (−)" aria-label="Zoom out"></button>
  <button id="zoom-level" title="Zoom to 100%" aria-label="Zoom to 100%">100%</button>
  <button id="zoom-in" data-icon="zoom-in" title="Zoom in (+)" aria-label="Zoom in"></button>
  <button id="fit" data-icon="fit" title="Fit the whole map (0)" aria-label="Fit to view"></button>
  <span class="separator" aria-hidden="true"></span>
  <select id="min-handoffs" title="Draw only the team pairs with at least this many hand-offs (both directions together)" aria-label="Minimum hand-offs per pair">
    <option value="1">all pairs</option>
    <option value="2">≥ 2 hand-offs</option>
    <option value="3">≥ 3 hand-offs</option>
    <option value="5">≥ 5 hand-offs</option>
  </select>
  <button id="systems-toggle" class="wa-text-button" title="Show the systems the teams work in" aria-label="Systems" role="switch" aria-checked="false">Systems</button>
  <button id="export-svg" class="wa-text-button" title="Export the map as SVG" aria-label="Export SVG">SVG</button>
  <button id="export-png" class="wa-text-button" title="Export the map as PNG" aria-label="Export PNG">PNG</button>
  <span id="summary"></span>
</div>
<div id="banner" role="status" hidden></div>
<div id="body">
<div id="frame" tabindex="0" role="region" aria-label="Organization map: drag or use the arrow keys to pan, + and − to zoom, 0 to fit"><div id="stage"></div></div>
<aside id="details" aria-live="polite" hidden></aside>
</div>
<script nonce="${nonce}" src="${escapeHtml(asset('org-map.js'))}"></script>
</body>
</html>`;
}
