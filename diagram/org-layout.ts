/**
 * Lays out the organization map with ELK: teams as boxes sized by the work they own, one edge per
 * team pair with its label (hand-off count and channels), and optionally the systems as a second
 * layer joined to the teams that work in them.
 *
 * Each pair of teams is one edge (`org-links.ts`): hand-offs both ways share a line with an
 * arrowhead at each end, so a 30-team map has 109 lines instead of 179.
 *
 * ELK's layered algorithm is used, with the labels given to ELK as edge labels: layered places
 * them in space it reserves between the layers, so no edge is routed through a label. The force
 * algorithm was measured against it (`bench/org-map-bench.ts`): it ignores edge labels, so labels
 * placed afterwards on its straight edges overlap other edges and boxes, and on a 30-team map it
 * is slower. See ARCHITECTURE.md, "Organization map".
 */
import type { Box, Point } from '../protocol/diagram-layout.js';
import type { OrgMap, TeamPair } from '../protocol/org-map.js';
import type { ElkLike } from './layout.js';
import { CHAR_WIDTH, LABEL_LINE_HEIGHT, TITLE_CHAR_WIDTH } from './labels.js';
import type { TeamLink } from './org-links.js';
import { pairEdgeId, teamLinks } from './org-links.js';

export interface OrgLayoutOptions {
    /** Draw the systems as a second layer. */
    readonly systems: boolean;
    /** `layered` (default) or `force`, for the comparison the bench makes. */
    readonly algorithm?: 'layered' | 'force';
    /** Draw only the team pairs with at least this many hand-offs, both directions together (default 1: all). */
    readonly minHandoffs?: number;
    /** ELK options over the algorithm's, for the alternatives the bench measures. */
    readonly elkOptions?: Readonly<Record<string, string>>;
}

export interface OrgLayoutNode extends Box {
    readonly id: string;
    readonly kind: 'team' | 'system';
    readonly name: string;
    /** The second line: `7 steps · 3 workflows`, or the system's title. */
    readonly detail: string;
}

export interface OrgLayoutEdge {
    readonly id: string;
    readonly kind: 'handoff' | 'system';
    readonly from: string;
    readonly to: string;
    readonly points: Point[];
    /** Stroke width: grows with the number of hand-offs. */
    readonly weight: number;
    /** Some hand-offs of the pair have no channel. */
    readonly dashed: boolean;
    readonly label?: Box & { readonly lines: string[] };
    /** Indices of the team pairs in `OrgMap.handoffs` (`from → to` first, `to → from` if any), for hand-off edges. */
    readonly pairs?: readonly number[];
}

export interface OrgLayout {
    readonly width: number;
    readonly height: number;
    readonly nodes: OrgLayoutNode[];
    readonly edges: OrgLayoutEdge[];
    readonly systems: boolean;
    /** The threshold applied, and how many team pairs (links, both directions as one) it left out. */
    readonly minHandoffs: number;
    readonly hiddenLinks: number;
}

export const teamNodeId = (name: string) => `team:${name}`;
export const systemNodeId = (name: string) => `system:${name}`;
export { pairEdgeId };

const MAX_LABEL_CHARS = 28;
const BACK_SUFFIX = '~back';
const PADDING = 24;

/** Stroke width of a pair's edge: 1.5 for one hand-off, growing with the logarithm, at most 9. */
export function edgeWeight(count: number): number {
    return Math.min(9, 1.5 + 2 * Math.log2(Math.max(1, count)));
}

/** Team boxes grow with the square root of the steps they own, so a team of 40 steps stays on screen. */
function teamSize(name: string, detail: string, steps: number): { width: number; height: number } {
    const text = Math.max(name.length * TITLE_CHAR_WIDTH, detail.length * CHAR_WIDTH) + 24;
    const grow = Math.sqrt(steps);
    return { width: Math.round(Math.max(text, 96 + 16 * grow)), height: Math.round(Math.min(44 + 6 * grow, 96)) };
}

/** The label of a pair's edge in lines of at most MAX_LABEL_CHARS: the count, the channels, those without one. */
export function pairLabelLines(pair: TeamPair): string[] {
    const parts = [plural(pair.count, 'hand-off')];
    if (pair.channels.length > 0) parts.push(channelLine(pair.channels.map(channel => [channel.name, channel.count])));
    if (pair.unchanneled > 0) parts.push(`${pair.unchanneled} without channel`);
    return wrapParts(parts);
}

/**
 * The label of a link: one direction reads as a pair's label; both give the total, then each
 * direction by its target's name (`3 → Finance`), which holds whichever way the line is drawn.
 */
export function linkLabelLines(map: OrgMap, link: TeamLink): string[] {
    const pairs = link.pairs.map(index => map.handoffs[index]);
    if (pairs.length === 1) return pairLabelLines(pairs[0]);
    const channels = new Map<string, number>();
    for (const channel of pairs.flatMap(pair => pair.channels))
        channels.set(channel.name, (channels.get(channel.name) ?? 0) + channel.count);
    const unchanneled = pairs.reduce((sum, pair) => sum + pair.unchanneled, 0);
    const parts = [plural(link.count, 'hand-off'), ...pairs.map(pair => `${pair.count} → ${pair.to}`)];
    if (channels.size > 0) parts.push(channelLine([...channels].sort((a, b) => b[1] - a[1])));
    if (unchanneled > 0) parts.push(`${unchanneled} without channel`);
    return wrapParts(parts);
}

/** `Chat 3, Erp 2 +2`: the busiest channels that fit on one line, and how many more there are. */
function channelLine(channels: Array<[string, number]>): string {
    let line = '';
    for (const [index, [name, count]] of channels.entries()) {
        const next = line ? `${line}, ${name} ${count}` : `${name} ${count}`;
        const rest = channels.length - index - 1;
        if (line && (next + (rest > 0 ? ` +${rest}` : '')).length > MAX_LABEL_CHARS) return `${line} +${channels.length - index}`;
        line = next;
    }
    return line;
}

function wrapParts(parts: string[]): string[] {
    const lines: string[] = [];
    for (const part of parts) {
        let line = '';
        for (const word of part.split(' ')) {
            const next = line ? `${line} ${word}` : word;
            if (next.length > MAX_LABEL_CHARS && line) {
                lines.push(line);
                line = word;
            } else {
                line = next;
            }
        }
        lines.push(line.length > MAX_LABEL_CHARS ? `${line.slice(0, MAX_LABEL_CHARS - 1)}…` : line);
    }
    return lines.slice(0, 4);
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

interface ElkLabel {
    text: string;
    width: number;
    height: number;
    x?: number;
    y?: number;
}
interface ElkEdge {
    id: string;
    sources: string[];
    targets: string[];
    labels?: ElkLabel[];
    sections?: Array<{ startPoint: Point; endPoint: Point; bendPoints?: Point[] }>;
}
interface ElkNode {
    id: string;
    width: number;
    height: number;
    x?: number;
    y?: number;
}
interface ElkGraph {
    id: string;
    layoutOptions: Record<string, string>;
    children: ElkNode[];
    edges: ElkEdge[];
    width?: number;
    height?: number;
}

const LAYERED = {
    'elk.algorithm': 'layered',
    'elk.direction': 'RIGHT',
    'elk.edgeRouting': 'ORTHOGONAL',
    'elk.edgeLabels.inline': 'false',
    'elk.layered.edgeLabels.sideSelection': 'ALWAYS_UP',
    'elk.spacing.nodeNode': '36',
    'elk.layered.spacing.nodeNodeBetweenLayers': '64',
    'elk.spacing.edgeEdge': '16',
    'elk.spacing.edgeLabel': '6',
    'elk.layered.spacing.edgeNodeBetweenLayers': '20',
    'elk.layered.thoroughness': '1',
    'elk.layered.mergeEdges': 'false',
    'elk.padding': `[top=${PADDING},left=${PADDING},bottom=${PADDING},right=${PADDING}]`,
};

const FORCE = {
    'elk.algorithm': 'force',
    'elk.force.iterations': '300',
    'elk.spacing.nodeNode': '80',
    'elk.padding': `[top=${PADDING},left=${PADDING},bottom=${PADDING},right=${PADDING}]`,
};

export async function layoutOrgMap(map: OrgMap, elk: ElkLike, options: OrgLayoutOptions): Promise<OrgLayout> {
    const nodes = new Map<string, Omit<OrgLayoutNode, 'x' | 'y'>>();
    for (const team of map.teams) {
        const detail = `${plural(team.stepsOwned, 'step')} · ${plural(team.workflows.length, 'workflow')}`;
        nodes.set(teamNodeId(team.name), {
            id: teamNodeId(team.name),
            kind: 'team',
            name: team.name,
            detail,
            ...teamSize(team.name, detail, team.stepsOwned),
        });
    }
    const edges: Array<Omit<OrgLayoutEdge, 'points' | 'label'> & { lines?: string[] }> = [];
    const minHandoffs = options.minHandoffs ?? 1;
    const links = teamLinks(map).filter(link => nodes.has(teamNodeId(link.from)) && nodes.has(teamNodeId(link.to)));
    const shown = links.filter(link => link.count >= minHandoffs);
    for (const link of shown) {
        edges.push({
            id: link.id,
            kind: 'handoff',
            from: teamNodeId(link.from),
            to: teamNodeId(link.to),
            weight: edgeWeight(link.count),
            dashed: link.pairs.some(index => map.handoffs[index].unchanneled > 0),
            lines: linkLabelLines(map, link),
            pairs: link.pairs,
        });
    }
    if (options.systems) addSystemLayer(map, nodes, edges);
    const graph: ElkGraph = {
        id: 'org',
        layoutOptions: { ...(options.algorithm === 'force' ? FORCE : LAYERED), ...options.elkOptions },
        children: [...nodes.values()].map(node => ({ id: node.id, width: node.width, height: node.height })),
        edges: edges.flatMap(edge => [
            {
                id: edge.id,
                sources: [edge.from],
                targets: [edge.to],
                ...(edge.lines ? { labels: [{ text: edge.lines.join('\n'), ...labelSize(edge.lines) }] } : {}),
            },
            // A link drawn both ways is one line, but ELK also gets its other direction, unlabelled and
            // not drawn: the cycle lets ELK turn edges back, which keeps the layers few. Without it the
            // examples became one chain of seven layers (2452 × 333, fitted at 57 % instead of 98 %).
            ...((edge.pairs?.length ?? 0) > 1 ? [{ id: `${edge.id}${BACK_SUFFIX}`, sources: [edge.to], targets: [edge.from] }] : []),
        ]),
    };
    const result = (await elk.layout(graph as never)) as unknown as ElkGraph;
    return { ...collect(result, nodes, edges, options.systems), minHandoffs, hiddenLinks: links.length - shown.length };
}

function labelSize(lines: string[]): { width: number; height: number } {
    return {
        width: Math.ceil(Math.max(...lines.map(line => line.length)) * CHAR_WIDTH + 10),
        height: lines.length * LABEL_LINE_HEIGHT + 6,
    };
}

/** System boxes, and one thin edge from each team to each system it uses, is automated by or hands off through. */
function addSystemLayer(
    map: OrgMap,
    nodes: Map<string, Omit<OrgLayoutNode, 'x' | 'y'>>,
    edges: Array<Omit<OrgLayoutEdge, 'points' | 'label'>>,
): void {
    for (const system of map.systems) {
        const id = systemNodeId(system.name);
        const detail = system.title ?? 'system';
        const width = Math.round(Math.max(system.name.length * TITLE_CHAR_WIDTH, Math.min(detail.length, 30) * CHAR_WIDTH) + 24);
        nodes.set(id, {
            id,
            kind: 'system',
            name: system.name,
            detail: detail.length > 30 ? `${detail.slice(0, 29)}…` : detail,
            width,
            height: 40,
        });
        const teams = new Set([...system.usedBy, ...system.automatedBy, ...system.handoffsBy]);
        for (const team of teams) {
            if (!nodes.has(teamNodeId(team))) continue;
            edges.push({ id: `uses:${team}>${system.name}`, kind: 'system', from: teamNodeId(team), to: id, weight: 1, dashed: true });
        }
    }
}

function collect(
    result: ElkGraph,
    nodes: Map<string, Omit<OrgLayoutNode, 'x' | 'y'>>,
    edges: Array<Omit<OrgLayoutEdge, 'points' | 'label'> & { lines?: string[] }>,
    systems: boolean,
): Omit<OrgLayout, 'minHandoffs' | 'hiddenLinks'> {
    const placed = new Map((result.children ?? []).map(child => [child.id, child]));
    const laidNodes: OrgLayoutNode[] = [...nodes.values()].map(node => ({
        ...node,
        x: placed.get(node.id)?.x ?? 0,
        y: placed.get(node.id)?.y ?? 0,
    }));
    const boxes = new Map(laidNodes.map(node => [node.id, node]));
    const routed = new Map((result.edges ?? []).map(edge => [edge.id, edge]));
    const laidEdges: OrgLayoutEdge[] = edges.map(({ lines, ...edge }) => {
        const out = routed.get(edge.id);
        const section = out?.sections?.[0];
        const points = section
            ? withoutEndJogs(
                  [section.startPoint, ...(section.bendPoints ?? []), section.endPoint],
                  boxes.get(edge.from)!,
                  boxes.get(edge.to)!,
              )
            : straight(boxes.get(edge.from)!, boxes.get(edge.to)!);
        const elkLabel = out?.labels?.[0];
        const size = lines ? labelSize(lines) : undefined;
        const label =
            lines && size
                ? elkLabel?.x !== undefined && elkLabel.y !== undefined
                    ? { x: elkLabel.x, y: elkLabel.y, ...size, lines }
                    : { ...middleOf(points, size), ...size, lines }
                : undefined;
        return { ...edge, points, ...(label ? { label } : {}) };
    });
    const width = Math.max(result.width ?? 0, ...laidNodes.map(node => node.x + node.width + PADDING));
    const height = Math.max(result.height ?? 0, ...laidNodes.map(node => node.y + node.height + PADDING));
    return { width: Math.ceil(width), height: Math.ceil(height), nodes: laidNodes, edges: laidEdges, systems };
}

const JOG = 6;

/**
 * ELK joins an edge to a box at the port it chose, sometimes a few pixels off the line it arrives
 * on: a thick edge then shows a step just before its arrowhead. A step of at most JOG pixels next
 * to either end is taken out by sliding the end along the box's side, when it stays on the side.
 */
function withoutEndJogs(points: Point[], from: Box, to: Box): Point[] {
    let route = points;
    const last = (pts: Point[]) => pts.length - 1;
    const jog = (a: Point, b: Point, c: Point, d: Point) => {
        const horizontal = a.y === b.y && c.y === d.y && b.x === c.x && Math.abs(b.y - c.y) <= JOG;
        const vertical = a.x === b.x && c.x === d.x && b.y === c.y && Math.abs(b.x - c.x) <= JOG;
        return horizontal ? 'y' : vertical ? 'x' : undefined;
    };
    const onSide = (box: Box, axis: 'x' | 'y', value: number) =>
        axis === 'y' ? value > box.y + 4 && value < box.y + box.height - 4 : value > box.x + 4 && value < box.x + box.width - 4;
    if (route.length >= 4) {
        const n = last(route);
        const axis = jog(route[n - 3], route[n - 2], route[n - 1], route[n]);
        if (axis && onSide(to, axis, route[n - 2][axis])) route = [...route.slice(0, n - 2), { ...route[n], [axis]: route[n - 2][axis] }];
    }
    if (route.length >= 4) {
        const axis = jog(route[3], route[2], route[1], route[0]);
        if (axis && onSide(from, axis, route[2][axis])) route = [{ ...route[0], [axis]: route[2][axis] }, ...route.slice(3)];
    }
    return route;
}

/** The force layout gives no routes: a straight line between the centres, cut at the boxes. */
function straight(a: Box, b: Box): Point[] {
    const ca = { x: a.x + a.width / 2, y: a.y + a.height / 2 };
    const cb = { x: b.x + b.width / 2, y: b.y + b.height / 2 };
    return [clipToBox(cb, ca, a), clipToBox(ca, cb, b)];
}

/** Where the segment from `outside` to the centre of `box` enters it. */
function clipToBox(outside: Point, centre: Point, box: Box): Point {
    const dx = outside.x - centre.x;
    const dy = outside.y - centre.y;
    const scale = Math.min(dx === 0 ? Infinity : box.width / 2 / Math.abs(dx), dy === 0 ? Infinity : box.height / 2 / Math.abs(dy), 1);
    return { x: centre.x + dx * scale, y: centre.y + dy * scale };
}

function middleOf(points: Point[], size: { width: number; height: number }): Point {
    const a = points[0];
    const b = points[points.length - 1];
    return { x: (a.x + b.x) / 2 - size.width / 2, y: (a.y + b.y) / 2 - size.height / 2 };
}
