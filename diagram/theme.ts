/**
 * The diagram's colours and styles. The preview uses VS Code's theme variables (so light, dark
 * and high-contrast themes apply); an export uses the colours those variables had; the command
 * line uses the light defaults. One set of style rules, filled in with whichever palette applies.
 */

export type PaletteToken = keyof typeof LIGHT_PALETTE;
export type Palette = Record<PaletteToken, string>;

/** The light theme's colours: the defaults of the command line, and the fallbacks of the preview. */
export const LIGHT_PALETTE = {
    background: '#ffffff',
    foreground: '#1f1f1f',
    muted: '#616161',
    laneFill: '#f5f7fa',
    laneAltFill: '#ffffff',
    laneBorder: '#c9ced6',
    laneHeaderFill: '#e8ecf2',
    nodeFill: '#ffffff',
    nodeBorder: '#7a8699',
    decisionFill: '#fff8e6',
    endFill: '#e6eef8',
    endText: '#1f1f1f',
    edge: '#5f6b7a',
    handoff: '#7b3fb3',
    critical: '#d9480f',
    error: '#d32f2f',
    warning: '#b26a00',
    selection: '#0069d9',
    labelFill: '#ffffff',
};

/** VS Code theme variable behind each token, with the light colour as fallback. */
const THEME_VARIABLES: Record<PaletteToken, string> = {
    background: '--vscode-editor-background',
    foreground: '--vscode-editor-foreground',
    muted: '--vscode-descriptionForeground',
    laneFill: '--vscode-sideBar-background',
    laneAltFill: '--vscode-editor-background',
    laneBorder: '--vscode-editorGroup-border',
    laneHeaderFill: '--vscode-sideBarSectionHeader-background',
    nodeFill: '--vscode-input-background',
    nodeBorder: '--vscode-input-border',
    decisionFill: '--vscode-editorWidget-background',
    endFill: '--vscode-badge-background',
    endText: '--vscode-badge-foreground',
    edge: '--vscode-editorLineNumber-foreground',
    handoff: '--vscode-charts-purple',
    critical: '--vscode-charts-orange',
    error: '--vscode-editorError-foreground',
    warning: '--vscode-editorWarning-foreground',
    selection: '--vscode-focusBorder',
    labelFill: '--vscode-editor-background',
};

/** The palette of the preview: theme variables with light fallbacks. */
export function themePalette(): Palette {
    return Object.fromEntries(
        Object.entries(THEME_VARIABLES).map(([token, variable]) => [token, `var(${variable}, ${LIGHT_PALETTE[token as PaletteToken]})`]),
    ) as Palette;
}

/** The palette of an export: each theme variable's value where the theme sets one, else the light colour. */
export function resolvedPalette(valueOf: (variable: string) => string): Palette {
    return Object.fromEntries(
        Object.entries(THEME_VARIABLES).map(([token, variable]) => [
            token,
            valueOf(variable).trim() || LIGHT_PALETTE[token as PaletteToken],
        ]),
    ) as Palette;
}

/**
 * One rule of the diagram's stylesheet: a selector made of descendant compounds (`tag.class.class`,
 * nothing else) and its declarations. The rules are data so that the preview gets them as CSS and
 * an export gets them written onto the elements they select (see `presentation.ts`).
 */
export type StyleRule = readonly [selector: string, declarations: Readonly<Record<string, string>>];

/** Unquoted, so the attribute an export writes needs no escaping. */
const FONT_FAMILY = 'system-ui, -apple-system, Segoe UI, Ubuntu, sans-serif';

/** The diagram's style, scoped to `.wa-diagram`. */
export function diagramRules(p: Palette): StyleRule[] {
    return [
        ['.wa-diagram', { 'font-family': FONT_FAMILY, 'font-size': '12px' }],
        ['.wa-diagram .wa-background', { fill: p.background }],
        ['.wa-diagram .wa-lane rect.wa-lane-band', { fill: p.laneFill, stroke: p.laneBorder, 'stroke-width': '1' }],
        ['.wa-diagram .wa-lane.wa-alt rect.wa-lane-band', { fill: p.laneAltFill }],
        ['.wa-diagram .wa-lane rect.wa-lane-header', { fill: p.laneHeaderFill, stroke: p.laneBorder, 'stroke-width': '1' }],
        ['.wa-diagram .wa-lane-label', { fill: p.foreground, 'font-weight': '600', 'font-size': '13px' }],
        ['.wa-diagram .wa-lane-title', { fill: p.muted, 'font-size': '11px' }],
        ['.wa-diagram .wa-node .wa-shape', { fill: p.nodeFill, stroke: p.nodeBorder, 'stroke-width': '1.5' }],
        ['.wa-diagram .wa-node.wa-decision .wa-shape', { fill: p.decisionFill }],
        ['.wa-diagram .wa-node.wa-end .wa-shape', { fill: p.endFill }],
        ['.wa-diagram .wa-node.wa-automated .wa-shape', { 'stroke-dasharray': '6 3' }],
        ['.wa-diagram .wa-node .wa-inner', { fill: 'none', stroke: p.nodeBorder, 'stroke-width': '1' }],
        ['.wa-diagram .wa-node-title', { fill: p.foreground, 'font-weight': '600' }],
        ['.wa-diagram .wa-node.wa-end .wa-node-title', { fill: p.endText }],
        ['.wa-diagram .wa-node-detail', { fill: p.muted, 'font-size': '11px' }],
        ['.wa-diagram .wa-node.wa-has-warning .wa-shape', { stroke: p.warning, 'stroke-width': '2.5' }],
        ['.wa-diagram .wa-node.wa-has-error .wa-shape', { stroke: p.error, 'stroke-width': '2.5' }],
        ['.wa-diagram .wa-badge.wa-error circle', { fill: p.error }],
        ['.wa-diagram .wa-badge.wa-warning circle', { fill: p.warning }],
        ['.wa-diagram .wa-badge text', { fill: '#ffffff', 'font-weight': '700', 'font-size': '11px' }],
        ['.wa-diagram .wa-start-dot', { fill: p.foreground }],
        ['.wa-diagram .wa-edge path', { fill: 'none', stroke: p.edge, 'stroke-width': '1.5' }],
        ['.wa-diagram .wa-edge.wa-handoff path', { stroke: p.handoff, 'stroke-width': '2.25' }],
        ['.wa-diagram .wa-edge.wa-no-channel path', { stroke: p.warning, 'stroke-dasharray': '5 4' }],
        ['.wa-diagram .wa-edge.wa-back path', { 'stroke-dasharray': '2 3' }],
        ['.wa-diagram .wa-edge-label rect', { fill: p.labelFill, stroke: p.laneBorder, 'stroke-width': '0.75' }],
        ['.wa-diagram .wa-edge-label text', { fill: p.foreground, 'font-size': '11px' }],
        ['.wa-diagram .wa-edge.wa-handoff .wa-edge-label text', { fill: p.handoff }],
        ['.wa-diagram .wa-edge.wa-no-channel .wa-edge-label text', { fill: p.warning }],
        ['.wa-diagram .wa-arrow', { fill: p.edge }],
        ['.wa-diagram .wa-arrow-handoff', { fill: p.handoff }],
        ['.wa-diagram .wa-arrow-warning', { fill: p.warning }],
        ['.wa-diagram .wa-arrow-critical', { fill: p.critical }],
        ['.wa-diagram.wa-show-critical .wa-node.wa-critical .wa-shape', { stroke: p.critical, 'stroke-width': '3' }],
        ['.wa-diagram.wa-show-critical .wa-edge.wa-critical path', { stroke: p.critical, 'stroke-width': '3' }],
        ['.wa-diagram .wa-node.wa-selected .wa-shape', { stroke: p.selection, 'stroke-width': '3' }],
        ['.wa-diagram .wa-node.wa-highlighted .wa-shape', { stroke: p.selection, 'stroke-width': '3', 'stroke-dasharray': 'none' }],
    ];
}

/** The diagram's rules as a stylesheet, for the preview. */
export function diagramCss(p: Palette): string {
    return diagramRules(p)
        .map(
            ([selector, declarations]) =>
                `${selector} { ${Object.entries(declarations)
                    .map(([property, value]) => `${property}: ${value};`)
                    .join(' ')} }\n`,
        )
        .join('');
}
