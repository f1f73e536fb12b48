/**
 * The preview's **Simulation** switch: while on, each node is shaded by its criticality (the
 * share of simulated runs in which it lies on the longest path: the deeper the colour, the more
 * often it decides the cycle time) with the share written under it, and the toolbar shows the
 * simulated P50 / P80 / P95 and the share over the SLA. The figures come with the model from the
 * language server; a workflow without ranges or likelihoods has none, and the switch is disabled.
 */
import type { SimulationOverlay } from '../protocol/simulation-overlay.js';
import { ToggleButton } from './toolbar.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** `3d 4h`, `45m`: days, hours and minutes, like the rest of the product. */
export function formatMinutes(minutes: number): string {
    const days = Math.floor(minutes / 1440);
    const hours = Math.floor((minutes % 1440) / 60);
    const rest = Math.round(minutes % 60);
    const parts = [days ? `${days}d` : '', hours ? `${hours}h` : '', rest || (!days && !hours) ? `${rest}m` : ''];
    return parts.filter(Boolean).join(' ');
}

/** `P50 3d · P80 4d 2h · P95 6d · 7% over SLA 10d`. */
export function headerText(overlay: SimulationOverlay): string {
    const time = (minutes: number | null) => (minutes === null ? '—' : formatMinutes(minutes));
    const parts = [`P50 ${time(overlay.p50)}`, `P80 ${time(overlay.p80)}`, `P95 ${time(overlay.p95)}`];
    if (overlay.sla !== null && overlay.overSla !== null) parts.push(`${percent(overlay.overSla)} over SLA ${formatMinutes(overlay.sla)}`);
    return parts.join(' · ');
}

function percent(share: number): string {
    const value = share * 100;
    if (value > 0 && value < 0.1) return '<0.1%';
    return value > 0 && value < 1 ? `${value.toFixed(1)}%` : `${Math.round(value)}%`;
}

export class SimulationSwitch {
    readonly toggle: ToggleButton;
    private overlay: SimulationOverlay | undefined;

    constructor(
        button: HTMLButtonElement,
        private readonly figures: HTMLElement,
        checked: boolean,
        /** The diagram on show, if any. */
        private readonly diagram: () => SVGSVGElement | undefined,
        onChange: (checked: boolean) => void,
    ) {
        this.toggle = new ToggleButton(button, checked, shown => {
            this.apply();
            onChange(shown);
        });
        this.update(undefined);
    }

    /** Takes the figures of a new model (or none), and applies them to the drawn diagram. */
    update(overlay: SimulationOverlay | undefined): void {
        this.overlay = overlay;
        const button = this.toggle.button;
        button.disabled = overlay === undefined;
        button.title = overlay
            ? `Simulation: shade the nodes by criticality, show P50 / P80 / P95 (${overlay.runs.toLocaleString('en')} runs, seed ${overlay.seed})`
            : 'Simulation: this workflow has no ranges or likelihoods to simulate';
        this.apply();
    }

    /** Shades the nodes of the drawn diagram, or clears the shading. */
    apply(): void {
        const svg = this.diagram();
        const shown = this.toggle.checked && this.overlay !== undefined;
        this.figures.hidden = !shown;
        this.figures.textContent = shown ? headerText(this.overlay!) : '';
        if (!svg) return;
        svg.classList.toggle('wa-show-simulation', shown);
        svg.querySelectorAll('.wa-criticality').forEach(label => label.remove());
        for (const node of svg.querySelectorAll<SVGGElement>('.wa-node')) this.shade(node);
    }

    /** Shades one node as the switch says (also each node of a large diagram drawn after the others). */
    shade(node: SVGGElement): void {
        node.querySelector('.wa-criticality')?.remove();
        const shown = this.toggle.checked && this.overlay !== undefined;
        const share = shown ? this.overlay!.criticality[node.getAttribute('data-id') ?? ''] : undefined;
        if (share === undefined) {
            node.style.removeProperty('--wa-criticality');
            return;
        }
        node.style.setProperty('--wa-criticality', `${Math.round(share * 100)}%`);
        node.append(criticalityLabel(node, share));
    }
}

/** `73% critical`, under the node's shape. */
function criticalityLabel(node: SVGGElement, share: number): SVGTextElement {
    const shape = node.querySelector<SVGGraphicsElement>('.wa-shape');
    const box = shape?.getBBox() ?? { x: 0, y: 0, width: 0, height: 0 };
    const text = document.createElementNS(SVG_NS, 'text');
    text.setAttribute('class', 'wa-criticality');
    text.setAttribute('x', String(box.x + box.width / 2));
    text.setAttribute('y', String(box.y + box.height + 12));
    text.setAttribute('text-anchor', 'middle');
    text.textContent = `${percent(share)} critical`;
    return text;
}
