/**
 * Draws a laid-out organization map as an SVG element tree: teams as boxes (sized by the steps
 * they own), one arrow per team pair as thick as its hand-offs are many, dashed when some of them
 * have no channel, labelled with the count and the channels; systems, when shown, as a second
 * layer of tinted boxes with thin dotted links to the teams that work in them. The view renders
 * the tree into the DOM, the export and `org --format svg` serialize it (`orgSvgDocument`).
 */
import type { Point } from '../protocol/diagram-layout.js';
import type { OrgMap } from '../protocol/org-map.js';
import type { OrgLayout, OrgLayoutEdge, OrgLayoutNode } from './org-layout.js';
import { pairEdgeId } from './org-links.js';
import { withPresentation } from './presentation.js';
import type { Palette, StyleRule } from './theme.js';
import { LIGHT_PALETTE } from './theme.js';
import type { VNode } from './vnode.js';
import { h, serialize } from './vnode.js';
import { LABEL_LINE_HEIGHT } from './labels.js';

export interface OrgRenderOptions {
    /** Teams and edges are focusable buttons in the view; a file is a picture. Defaults to true. */
    readonly interactive?: boolean;
    /** The id of the selected team node or pair edge. */
    readonly selected?: string;
}

const FONT_FAMILY = 'system-ui, -apple-system, Segoe UI, Ubuntu, sans-serif';

/** The organization map's style, scoped to `.wa-org`; stroke widths are per edge, on the element. */
export function orgRules(p: Palette): StyleRule[] {
    return [
        ['.wa-org', { 'font-family': FONT_FAMILY, 'font-size': '12px' }],
        ['.wa-org .wa-background', { fill: p.background }],
        ['.wa-org .wa-org-team rect', { fill: p.nodeFill, stroke: p.nodeBorder, 'stroke-width': '1.5' }],
        ['.wa-org .wa-org-system rect', { fill: p.laneHeaderFill, stroke: p.laneBorder, 'stroke-width': '1', 'stroke-dasharray': '4 2' }],
        ['.wa-org .wa-org-name', { fill: p.foreground, 'font-weight': '600', 'font-size': '13px' }],
        ['.wa-org .wa-org-detail', { fill: p.muted, 'font-size': '11px' }],
        ['.wa-org .wa-org-edge path.wa-org-line', { fill: 'none', stroke: p.handoff }],
        ['.wa-org .wa-org-edge.wa-org-unchanneled path.wa-org-line', { 'stroke-dasharray': '7 4' }],
        ['.wa-org .wa-org-link path.wa-org-line', { fill: 'none', stroke: p.muted, 'stroke-dasharray': '2 3' }],
        ['.wa-org .wa-org-hit', { fill: 'none', stroke: 'transparent' }],
        ['.wa-org .wa-edge-label rect', { fill: p.labelFill, stroke: p.laneBorder, 'stroke-width': '0.75' }],
        ['.wa-org .wa-edge-label text', { fill: p.handoff, 'font-size': '11px' }],
        ['.wa-org .wa-org-edge.wa-org-unchanneled .wa-edge-label text', { fill: p.warning }],
        ['.wa-org .wa-org-arrow', { fill: p.handoff }],
        ['.wa-org .wa-org-team.wa-selected rect', { stroke: p.selection, 'stroke-width': '3' }],
        ['.wa-org .wa-org-edge.wa-selected path.wa-org-line', { stroke: p.selection }],
        ['.wa-org .wa-org-edge.wa-selected .wa-edge-label rect', { stroke: p.selection, 'stroke-width': '2' }],
    ];
}

export function orgCss(p: Palette): string {
    return orgRules(p)
        .map(
            ([selector, declarations]) =>
                `${selector} { ${Object.entries(declarations)
                    .map(([k, v]) => `${k}: ${v};`)
                    .join(' ')} }\n`,
        )
        .join('');
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

export function renderOrgMap(map: OrgMap, layout: OrgLayout, options: OrgRenderOptions = {}): VNode {
    const interactive = options.interactive ?? true;
    const total = map.handoffs.reduce((sum, pair) => sum + pair.count, 0);
    const links = layout.edges.filter(edge => edge.kind === 'system');
    const pairs = layout.edges.filter(edge => edge.kind === 'handoff');
    return h(
        'svg',
        {
            xmlns: 'http://www.w3.org/2000/svg',
            class: 'wa-org',
            width: layout.width,
            height: layout.height,
            viewBox: `0 0 ${layout.width} ${layout.height}`,
            role: 'img',
            'aria-label': `Organization map: ${plural(map.teams.length, 'team')}, ${plural(total, 'hand-off')}`,
        },
        [
            h(
                'title',
                {},
                `Organization map — ${plural(map.teams.length, 'team')} · ${plural(total, 'hand-off')} · ${plural(map.workflows, 'workflow')}`,
            ),
            h('defs', {}, [
                h(
                    'marker',
                    {
                        id: 'wa-org-arrow',
                        viewBox: '0 0 10 10',
                        refX: 9,
                        refY: 5,
                        // In user units, so a thick edge keeps a readable arrowhead instead of a huge one.
                        markerUnits: 'userSpaceOnUse',
                        markerWidth: 11,
                        markerHeight: 11,
                        orient: 'auto-start-reverse',
                    },
                    [h('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: 'wa-org-arrow' })],
                ),
            ]),
            h('rect', { class: 'wa-background', x: 0, y: 0, width: layout.width, height: layout.height }),
            h(
                'g',
                { class: 'wa-org-links' },
                links.map(edge => renderLink(edge)),
            ),
            h(
                'g',
                { class: 'wa-org-edges' },
                pairs.map(edge => renderPair(map, edge, interactive, options.selected)),
            ),
            h(
                'g',
                { class: 'wa-org-nodes' },
                layout.nodes.map(node => renderNode(map, node, interactive, options.selected)),
            ),
        ],
    );
}

function pathOf(points: Point[]): string {
    return points.map((point, i) => `${i === 0 ? 'M' : 'L'} ${round(point.x)} ${round(point.y)}`).join(' ');
}

const round = (value: number) => Math.round(value * 10) / 10;

function renderLink(edge: OrgLayoutEdge): VNode {
    return h('g', { class: 'wa-org-link', 'data-edge': edge.id }, [
        h('path', { class: 'wa-org-line', d: pathOf(edge.points), 'stroke-width': 1 }),
    ]);
}

function pairDescription(pair: OrgMap['handoffs'][number]): string {
    const channels = pair.channels.length > 0 ? ` via ${pair.channels.map(c => `${c.name} (${c.count})`).join(', ')}` : '';
    const unchanneled = pair.unchanneled > 0 ? `, ${pair.unchanneled} without channel` : '';
    return `${pair.from} → ${pair.to}: ${plural(pair.count, 'hand-off')}${channels}${unchanneled} — ${pair.workflows.join(', ')}`;
}

/** Whether `selected` names this edge: by its own id or by the id of its other direction. */
export function edgeSelected(map: OrgMap, edge: OrgLayoutEdge, selected: string | undefined): boolean {
    return selected !== undefined && (edge.pairs ?? []).some(index => pairEdgeId(map.handoffs[index]) === selected);
}

function renderPair(map: OrgMap, edge: OrgLayoutEdge, interactive: boolean, selected: string | undefined): VNode {
    const pairs = (edge.pairs ?? []).map(index => map.handoffs[index]);
    const both = pairs.length > 1;
    const classes = [
        'wa-org-edge',
        edge.dashed && 'wa-org-unchanneled',
        both && 'wa-org-both',
        edgeSelected(map, edge, selected) && 'wa-selected',
    ]
        .filter(Boolean)
        .join(' ');
    const description = pairs.map(pairDescription).join('; ');
    const label = edge.label;
    return h(
        'g',
        {
            class: classes,
            'data-edge': edge.id,
            'data-pairs': (edge.pairs ?? []).join(' '),
            ...(interactive ? { tabindex: 0, role: 'button', 'aria-label': description } : {}),
        },
        [
            h('title', {}, description),
            // A wide transparent line under the visible one, so a thin edge is easy to click.
            interactive && h('path', { class: 'wa-org-hit', d: pathOf(edge.points), 'stroke-width': 14 }),
            h('path', {
                class: 'wa-org-line',
                d: pathOf(edge.points),
                'stroke-width': round(edge.weight),
                'marker-end': 'url(#wa-org-arrow)',
                // Hand-offs both ways: one line, an arrowhead at each end.
                ...(both ? { 'marker-start': 'url(#wa-org-arrow)' } : {}),
            }),
            label &&
                h('g', { class: 'wa-edge-label' }, [
                    h('rect', { x: round(label.x), y: round(label.y), width: label.width, height: label.height, rx: 3 }),
                    ...label.lines.map((line, i) =>
                        h('text', { x: round(label.x + 5), y: round(label.y + 3 + (i + 1) * LABEL_LINE_HEIGHT - 3) }, line),
                    ),
                ]),
        ],
    );
}

function renderNode(map: OrgMap, node: OrgLayoutNode, interactive: boolean, selected: string | undefined): VNode {
    const isTeam = node.kind === 'team';
    const team = isTeam ? map.teams.find(candidate => candidate.name === node.name) : undefined;
    const description = team
        ? `${team.name}${team.title ? ` — ${team.title}` : ''}: ${plural(team.stepsOwned, 'step')} in ${plural(team.workflows.length, 'workflow')}, ${team.handoffsIn} hand-offs in, ${team.handoffsOut} out`
        : `system ${node.name}${node.detail !== 'system' ? ` — ${node.detail}` : ''}`;
    const classes = [isTeam ? 'wa-org-team' : 'wa-org-system', selected === node.id && 'wa-selected'].filter(Boolean).join(' ');
    const middle = node.y + node.height / 2;
    return h(
        'g',
        {
            class: classes,
            'data-node': node.id,
            ...(isTeam ? { 'data-team': node.name } : { 'data-system': node.name }),
            ...(interactive && isTeam ? { tabindex: 0, role: 'button', 'aria-label': description } : {}),
        },
        [
            h('title', {}, description),
            h('rect', { x: round(node.x), y: round(node.y), width: node.width, height: node.height, rx: isTeam ? 8 : 3 }),
            h('text', { class: 'wa-org-name', x: round(node.x + 12), y: round(middle - 3) }, node.name),
            h('text', { class: 'wa-org-detail', x: round(node.x + 12), y: round(middle + 12) }, node.detail),
        ],
    );
}

/** Standalone SVG text of the map: the view's Export SVG and `org --format svg`. */
export function orgSvgDocument(map: OrgMap, layout: OrgLayout, palette: Palette = LIGHT_PALETTE, options: OrgRenderOptions = {}): string {
    const tree = renderOrgMap(map, layout, { ...options, interactive: false });
    return `<?xml version="1.0" encoding="UTF-8"?>\n${serialize(withPresentation(tree, orgRules(palette)))}\n`;
}
