/**
 * The legend: what each node shape and line style of the diagram means. Every sample is drawn
 * with the diagram's own classes and stylesheet, so it shows exactly what the diagram does in
 * the current theme. It lives in a shadow root, where its samples are not taken for the
 * diagram's nodes and edges by the page's own queries, and it is built only while shown.
 */
import type { VNode } from '../diagram/vnode.js';
import { h } from '../diagram/vnode.js';
import { markers } from '../diagram/svg.js';
import { toDom } from './dom-render.js';

const LEGEND_CSS = `
.wa-legend-head { display: flex; align-items: center; justify-content: space-between; font-weight: 600; margin-bottom: 2px; }
.wa-legend-close { background: none; border: none; color: inherit; font: inherit; cursor: pointer; padding: 0 4px; border-radius: 3px; line-height: 18px; }
.wa-legend-close:hover { background: var(--vscode-toolbar-hoverBackground, rgba(90, 93, 94, 0.31)); }
.wa-legend-close:focus-visible { outline: 1px solid var(--vscode-focusBorder, #0069d9); }
h3 { font-size: 11px; font-weight: 600; text-transform: uppercase; letter-spacing: 0.04em; margin: 8px 0 2px; opacity: 0.75; }
ul { list-style: none; margin: 0; padding: 0; }
li { display: flex; align-items: center; gap: 8px; min-height: 22px; line-height: 1.25; padding: 1px 0; }
li svg { flex: none; overflow: visible; }
.wa-legend-defs { position: absolute; width: 0; height: 0; }
`;

type Entry = readonly [label: string, sample: VNode[], svgClass?: string];

const box = (classes: string, extra: VNode[] = [], x = 4) =>
    h('g', { class: `wa-node ${classes}` }, [h('rect', { class: 'wa-shape', x, y: 3, width: 42 - x, height: 16, rx: 4, ry: 4 }), ...extra]);
const line = (classes: string, marker: string, d = 'M 2 11 L 42 11') =>
    h('g', { class: `wa-edge ${classes}` }, [h('path', { d, 'marker-end': `url(#${marker})` })]);
const badge = (severity: 'error' | 'warning') =>
    h('g', { class: `wa-badge wa-${severity}` }, [
        h('circle', { cx: 41, cy: 4, r: 5.5 }),
        h('text', { x: 41, y: 7.5, 'text-anchor': 'middle' }, '!'),
    ]);

const NODES: Entry[] = [
    ['Step', [box('wa-step')]],
    ['Decision', [h('g', { class: 'wa-node wa-decision' }, [h('polygon', { class: 'wa-shape', points: '23,1 44,11 23,21 2,11' })])]],
    ['End', [h('g', { class: 'wa-node wa-end' }, [h('rect', { class: 'wa-shape', x: 4, y: 4, width: 38, height: 14, rx: 7, ry: 7 })])]],
    ['Start', [h('circle', { class: 'wa-start-dot', cx: 4, cy: 11, r: 3.5 }), box('wa-step', [], 12)]],
    ['Automated (⚙ system)', [box('wa-step wa-automated')]],
    [
        'Calls a sub-workflow (↪)',
        [box('wa-step wa-calls', [h('rect', { class: 'wa-inner', x: 7, y: 6, width: 32, height: 10, rx: 2.5, ry: 2.5 })])],
    ],
    ['Error on the node', [box('wa-step wa-has-error', [badge('error')])]],
    ['Warning on the node', [box('wa-step wa-has-warning', [badge('warning')])]],
    ['Selected, or at the cursor', [box('wa-step wa-selected')]],
];

const LINES: Entry[] = [
    ['Next, same team', [line('', 'wa-arrow')]],
    ['Hand-off between teams, via its channel', [line('wa-handoff', 'wa-arrow-handoff')]],
    ['Hand-off without a channel (⚠)', [line('wa-handoff wa-no-channel', 'wa-arrow-warning')]],
    ['Rework, back to an earlier node', [line('wa-back', 'wa-arrow', 'M 42 11 L 4 11')]],
    [
        'Critical path, when highlighted',
        [h('g', { class: 'wa-edge wa-critical' }, [h('path', { d: 'M 0 11 L 18 11' })]), box('wa-step wa-critical', [], 18)],
        'wa-show-critical',
    ],
];

export class Legend {
    readonly element: HTMLDivElement;
    private readonly root: ShadowRoot;

    constructor(
        frame: HTMLElement,
        sheet: CSSStyleSheet,
        private readonly onClose: () => void,
    ) {
        this.element = document.createElement('div');
        this.element.id = 'legend';
        this.element.setAttribute('role', 'region');
        this.element.setAttribute('aria-label', 'Legend');
        this.element.dataset.ownPointer = '';
        this.element.hidden = true;
        // Scrolling the legend scrolls the legend, not the diagram under it.
        this.element.addEventListener('wheel', event => event.stopPropagation());
        this.root = this.element.attachShadow({ mode: 'open' });
        const own = new CSSStyleSheet();
        own.replaceSync(LEGEND_CSS);
        this.root.adoptedStyleSheets = [sheet, own];
        frame.append(this.element);
    }

    get visible(): boolean {
        return !this.element.hidden;
    }

    set visible(visible: boolean) {
        if (visible === this.visible) return;
        this.element.hidden = !visible;
        if (visible) this.root.replaceChildren(this.head(), ...this.section('Nodes', NODES), ...this.section('Lines', LINES), this.defs());
        else this.root.replaceChildren();
    }

    private head(): HTMLElement {
        const head = document.createElement('div');
        head.className = 'wa-legend-head';
        const title = document.createElement('span');
        title.textContent = 'Legend';
        const close = document.createElement('button');
        close.className = 'wa-legend-close';
        close.textContent = '×';
        close.title = 'Hide the legend';
        close.setAttribute('aria-label', 'Hide the legend');
        close.addEventListener('click', () => this.onClose());
        head.append(title, close);
        return head;
    }

    private section(title: string, entries: Entry[]): HTMLElement[] {
        const heading = document.createElement('h3');
        heading.textContent = title;
        const list = document.createElement('ul');
        for (const [label, sample, svgClass] of entries) {
            const item = document.createElement('li');
            const svg = toDom(
                h(
                    'svg',
                    {
                        class: `wa-diagram${svgClass ? ` ${svgClass}` : ''}`,
                        width: 50,
                        height: 22,
                        viewBox: '-2 0 50 22',
                        'aria-hidden': 'true',
                    },
                    sample,
                ),
            );
            const text = document.createElement('span');
            text.textContent = label;
            item.append(svg, text);
            list.append(item);
        }
        return [heading, list];
    }

    /** The arrowheads the line samples point to, as the diagram defines them. */
    private defs(): SVGElement {
        return toDom(h('svg', { class: 'wa-diagram wa-legend-defs', width: 0, height: 0, 'aria-hidden': 'true' }, [markers()]));
    }
}
