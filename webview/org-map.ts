/**
 * The Organization Map's webview: receives the map from the extension, lays it out with ELK,
 * draws it (`diagram/org-svg.ts`), pans and zooms like the preview, and lists what was clicked:
 * an edge's hand-offs (each revealing its transition in the editor) or a team's workflows.
 * Knows only the DOM, the map and the message protocol (`protocol/org-map-messages.ts`).
 */
import type { OrgMap, TeamPair } from '../protocol/org-map.js';
import type { FromOrgMap, ToOrgMap } from '../protocol/org-map-messages.js';
import { isToOrgMap } from '../protocol/org-map-messages.js';
import { createElk } from '../diagram/elk.js';
import type { OrgLayout } from '../diagram/org-layout.js';
import { layoutOrgMap, teamNodeId } from '../diagram/org-layout.js';
import type { TeamLink } from '../diagram/org-links.js';
import { defaultMinHandoffs, linkOf, MIN_HANDOFF_CHOICES, pairEdgeId, teamLinks } from '../diagram/org-links.js';
import { orgCss, orgSvgDocument, renderOrgMap } from '../diagram/org-svg.js';
import { resolvedPalette, themePalette } from '../diagram/theme.js';
import { toDom } from './dom-render.js';
import { svgToPng } from './export.js';
import { ToggleButton, setUpToolbar } from './toolbar.js';
import type { ViewState } from './view-math.js';
import { ZOOM_STEP } from './view-math.js';
import { Viewport } from './view-state.js';

interface VsCodeApi {
    postMessage(message: FromOrgMap): void;
    getState(): PersistedState | undefined;
    setState(state: PersistedState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

interface PersistedState {
    view?: ViewState;
    systems?: boolean;
    selected?: string;
    /** The threshold the user chose; without one, each map opens with `defaultMinHandoffs`. */
    minHandoffs?: number;
}

const vscode = acquireVsCodeApi();
const persisted: PersistedState = vscode.getState() ?? {};
const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const frame = byId<HTMLDivElement>('frame');
const stage = byId<HTMLDivElement>('stage');
const details = byId<HTMLElement>('details');
const summary = byId<HTMLSpanElement>('summary');
const banner = byId<HTMLDivElement>('banner');

const sheet = new CSSStyleSheet();
sheet.replaceSync(orgCss(themePalette()));
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

const save = () => vscode.setState({ ...persisted, view: viewport.state });
setUpToolbar(byId('toolbar'));
const viewport = new Viewport(stage, frame, persisted.view ?? { zoom: 1, panX: 0, panY: 0 }, save);
const zoomLevel = byId<HTMLButtonElement>('zoom-level');
viewport.onView(state => {
    zoomLevel.textContent = `${Math.round(state.zoom * 100)}%`;
});
byId('zoom-in').addEventListener('click', () => viewport.zoomAt(viewport.state.zoom * ZOOM_STEP));
byId('zoom-out').addEventListener('click', () => viewport.zoomAt(viewport.state.zoom / ZOOM_STEP));
zoomLevel.addEventListener('click', () => viewport.zoomAt(1));
byId('fit').addEventListener('click', () => viewport.fit());
const systemsToggle = new ToggleButton(byId('systems-toggle'), persisted.systems ?? false, shown => {
    persisted.systems = shown;
    save();
    // The drawing changes shape: fitted again, as a new map would be.
    opened = false;
    if (current) void draw(current.map, false);
});
const minHandoffs = byId<HTMLSelectElement>('min-handoffs');
minHandoffs.addEventListener('change', () => {
    persisted.minHandoffs = Number(minHandoffs.value);
    save();
    opened = false;
    if (current) void draw(current.map, false);
});
byId('export-svg').addEventListener('click', () => vscode.postMessage({ type: 'exportRequested', format: 'svg' }));
byId('export-png').addEventListener('click', () => vscode.postMessage({ type: 'exportRequested', format: 'png' }));

const elk = createElk();
let current: { map: OrgMap; layout: OrgLayout; links: TeamLink[] } | undefined;
let version = 0;
let drawing: Promise<unknown> = Promise.resolve();
let opened = persisted.view !== undefined;

window.addEventListener('message', event => {
    const message: unknown = event.data;
    if (!isToOrgMap(message)) return;
    void handle(message).catch(error =>
        vscode.postMessage({
            type: 'error',
            message: error instanceof Error ? error.message : String(error),
            ...(message.type === 'export' ? { requestId: message.requestId } : {}),
        }),
    );
});

async function handle(message: ToOrgMap): Promise<void> {
    switch (message.type) {
        case 'model': {
            const shown = draw(message.map, true);
            drawing = shown.catch(() => undefined);
            return shown;
        }
        case 'export':
            return exportMap(message.requestId, message.format);
        case 'click': {
            // A pair's edge by either direction: `handoff:B>A` is the line drawn as `handoff:A>B`.
            if (current && linkOf(current.map, current.links, message.target)) return select(message.target);
            const target =
                document.getElementById(message.target) ??
                stage.querySelector(`[data-node="${CSS.escape(message.target)}"], [data-edge="${CSS.escape(message.target)}"]`);
            target?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
            return;
        }
    }
}

/**
 * Each choice says how many pairs it draws (`≥ 5 hand-offs: 25 of 109 pairs`): the control shows
 * what is hidden even in a narrow panel, where the summary beside it is cut off.
 */
function labelChoices(links: readonly TeamLink[]): void {
    for (const option of minHandoffs.options) {
        const threshold = Number(option.value);
        const shown = links.filter(link => link.count >= threshold).length;
        option.textContent =
            threshold <= 1 ? `all ${plural(links.length, 'pair')}` : `≥ ${threshold} hand-offs: ${shown} of ${links.length} pairs`;
    }
}

/** Lays out and draws the map; `update` keeps the selection when what was selected is still there. */
async function draw(map: OrgMap, update: boolean): Promise<void> {
    const mine = ++version;
    const started = performance.now();
    const links = teamLinks(map);
    const threshold = MIN_HANDOFF_CHOICES.find(choice => choice === persisted.minHandoffs) ?? defaultMinHandoffs(links);
    minHandoffs.value = String(threshold);
    labelChoices(links);
    const layout = await layoutOrgMap(map, elk, { systems: systemsToggle.checked, minHandoffs: threshold });
    const layoutMs = performance.now() - started;
    if (mine !== version) return;
    const element = toDom(renderOrgMap(map, layout, { selected: persisted.selected }));
    stage.replaceChildren(element);
    current = { map, layout, links };
    viewport.setContent(layout);
    if (!opened) {
        opened = true;
        viewport.fit();
    }
    const total = map.handoffs.reduce((sum, pair) => sum + pair.count, 0);
    const hidden = layout.hiddenLinks > 0 ? ` · ${layout.hiddenLinks} of ${links.length} pairs hidden (fewer than ${threshold})` : '';
    summary.textContent = summary.title = `${map.teams.length} teams · ${total} hand-offs · ${map.workflows} workflows${hidden}`;
    banner.hidden = map.teams.length > 0;
    banner.textContent = map.teams.length > 0 ? '' : 'No team is declared in this workspace yet.';
    if (persisted.selected) focus(persisted.selected);
    if (update && persisted.selected) showDetails(persisted.selected);
    vscode.postMessage({
        type: 'rendered',
        teams: layout.nodes.filter(node => node.kind === 'team').length,
        edges: layout.edges.filter(edge => edge.kind === 'handoff').length,
        systems: layout.nodes.filter(node => node.kind === 'system').length,
        minHandoffs: threshold,
        hiddenPairs: layout.hiddenLinks,
        layoutMs: Math.round(layoutMs),
    });
}

function select(id: string | undefined): void {
    persisted.selected = id;
    save();
    stage.querySelectorAll('.wa-selected').forEach(element => element.classList.remove('wa-selected'));
    const shown = current ? (linkOf(current.map, current.links, id)?.id ?? id) : id;
    if (shown) stage.querySelector(`[data-node="${CSS.escape(shown)}"], [data-edge="${CSS.escape(shown)}"]`)?.classList.add('wa-selected');
    focus(id);
    showDetails(id);
}

/**
 * With a team selected, everything that does not touch it fades: on a dense map the team's own
 * hand-offs and partners stand out. Selecting an edge or nothing shows the whole map again.
 */
function focus(id: string | undefined): void {
    const svg = stage.querySelector('svg');
    if (!svg || !current) return;
    const team = id?.startsWith('team:') ? id : undefined;
    svg.classList.toggle('wa-org-focused', team !== undefined);
    stage.querySelectorAll('.wa-org-near').forEach(element => element.classList.remove('wa-org-near'));
    if (!team) return;
    const near = new Set([team]);
    for (const edge of current.layout.edges) {
        if (edge.from !== team && edge.to !== team) continue;
        near.add(edge.from).add(edge.to);
        stage.querySelector(`[data-edge="${CSS.escape(edge.id)}"]`)?.classList.add('wa-org-near');
    }
    for (const node of near) stage.querySelector(`[data-node="${CSS.escape(node)}"]`)?.classList.add('wa-org-near');
}

/** The side panel: a link's hand-offs (the direction named by `id` first) or a team's workflows, each a button. */
function showDetails(id: string | undefined): void {
    const map = current?.map;
    const link = map && current ? linkOf(map, current.links, id) : undefined;
    const team = map?.teams.find(candidate => teamNodeId(candidate.name) === id);
    if (!map || (!link && !team)) {
        details.hidden = true;
        details.replaceChildren();
        return;
    }
    details.hidden = false;
    if (link) {
        const pairs = [...link.pairs].sort(
            (a, b) => Number(pairEdgeId(map.handoffs[b]) === id) - Number(pairEdgeId(map.handoffs[a]) === id),
        );
        const heading = pairs.length > 1 ? [element('h2', `${map.handoffs[pairs[0]].from} ⇄ ${map.handoffs[pairs[0]].to}`)] : [];
        let offset = 0;
        details.replaceChildren(
            ...heading,
            ...pairs.flatMap(index => {
                const shown = pairDetails(map.handoffs[index], index, offset, pairs.length > 1);
                offset += map.handoffs[index].handoffs.length;
                return shown;
            }),
        );
    } else if (team) details.replaceChildren(...teamDetails(team));
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
}

function listOf(items: Array<{ label: string; muted?: string; onClick: () => void }>, offset = 0): HTMLUListElement {
    const list = element('ul');
    items.forEach((item, index) => {
        const button = element('button', item.label);
        // By id, so that the integration tests can click an entry as a user would.
        button.id = `details-${offset + index}`;
        if (item.muted) button.append(' ', element('span', item.muted, 'wa-muted'));
        button.addEventListener('click', item.onClick);
        const entry = element('li');
        entry.append(button);
        list.append(entry);
    });
    return list;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** One direction of a link: its heading (a level lower under the link's), its figures and its hand-offs. */
function pairDetails(pair: TeamPair, index: number, offset: number, nested: boolean): HTMLElement[] {
    const channels = pair.channels.map(channel => `${channel.name} (${channel.count})`).join(', ');
    const facts = [
        plural(pair.count, 'hand-off'),
        channels ? `via ${channels}` : undefined,
        pair.unchanneled > 0 ? `${pair.unchanneled} without channel` : undefined,
        pair.critical > 0 ? `${pair.critical} on a critical path` : undefined,
    ].filter(Boolean);
    return [
        element(nested ? 'h3' : 'h2', `${pair.from} → ${pair.to}`),
        element('p', facts.join(' · ')),
        listOf(
            pair.handoffs.map((handoff, at) => ({
                label: `${handoff.workflow}: ${handoff.from} → ${handoff.to}`,
                muted: handoff.channel ? `via ${handoff.channel}` : 'no channel',
                onClick: () => vscode.postMessage({ type: 'revealHandoff', pair: index, index: at }),
            })),
            offset,
        ),
    ];
}

function teamDetails(team: OrgMap['teams'][number]): HTMLElement[] {
    return [
        element('h2', team.title ? `${team.name} — ${team.title}` : team.name),
        element('p', `${plural(team.stepsOwned, 'step')} · ${team.handoffsIn} hand-offs in, ${team.handoffsOut} out`),
        listOf([
            { label: `Go to team ${team.name}`, onClick: () => vscode.postMessage({ type: 'revealTeam', team: team.name }) },
            ...team.workflows.map(workflow => ({
                label: workflow,
                muted: 'workflow',
                onClick: () => vscode.postMessage({ type: 'revealWorkflow', workflow }),
            })),
        ]),
    ];
}

stage.addEventListener('click', event => {
    const target = (event.target as Element).closest('[data-edge], .wa-org-team');
    const id = target?.getAttribute('data-edge') ?? target?.getAttribute('data-node') ?? undefined;
    if (!id || id.startsWith('uses:')) return;
    select(id);
});
stage.addEventListener('keydown', event => {
    if (event.key === 'Enter' || event.key === ' ') {
        (event.target as Element).closest('[data-edge], .wa-org-team')?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    }
});

async function exportMap(requestId: number, format: 'svg' | 'png'): Promise<void> {
    await drawing;
    if (!current) throw new Error('There is no map to export yet.');
    const theme = getComputedStyle(document.documentElement);
    const svg = orgSvgDocument(
        current.map,
        current.layout,
        resolvedPalette(variable => theme.getPropertyValue(variable)),
        { selected: persisted.selected },
    );
    const data = format === 'svg' ? svg : await svgToPng(svg, current.layout);
    vscode.postMessage({ type: 'exported', requestId, format, data });
}

vscode.postMessage({ type: 'ready' });
