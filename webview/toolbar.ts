/**
 * The preview's toolbar: icon buttons (the icons drawn here as inline SVG, since the page loads
 * no fonts or images), switches that say whether they are on (`aria-checked`), and the
 * arrow keys moving between the controls as in any toolbar.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Each icon on a 16 × 16 grid: outlines in the button's text colour, and filled dots. */
const ICONS: Record<string, { lines: string; dots?: Array<[number, number, number]> }> = {
    'zoom-in': { lines: 'M 11 11 L 14.5 14.5 M 7 4.5 V 9.5 M 4.5 7 H 9.5 M 7 2 A 5 5 0 1 0 7 12 A 5 5 0 1 0 7 2 Z' },
    'zoom-out': { lines: 'M 11 11 L 14.5 14.5 M 4.5 7 H 9.5 M 7 2 A 5 5 0 1 0 7 12 A 5 5 0 1 0 7 2 Z' },
    fit: { lines: 'M 1.5 5.5 V 1.5 H 5.5 M 10.5 1.5 H 14.5 V 5.5 M 14.5 10.5 V 14.5 H 10.5 M 5.5 14.5 H 1.5 V 10.5 M 5 5 H 11 V 11 H 5 Z' },
    critical: {
        lines: 'M 3 12.5 L 6.5 5 L 9.5 10.5 L 13 3.5',
        dots: [
            [3, 12.5, 1.8],
            [6.5, 5, 1.5],
            [9.5, 10.5, 1.5],
            [13, 3.5, 1.8],
        ],
    },
    'org-map': {
        lines: 'M 2 2.5 H 6 V 5.5 H 2 Z M 10 2.5 H 14 V 5.5 H 10 Z M 6 10.5 H 10 V 13.5 H 6 Z M 6 4 H 10 M 4 5.5 L 7 10.5 M 12 5.5 L 9 10.5',
    },
    minimap: { lines: 'M 1.5 2.5 H 14.5 V 13.5 H 1.5 Z M 8 8 H 12.5 V 11.5 H 8 Z' },
    simulation: { lines: 'M 1.5 14.5 H 14.5 M 3 14 V 11 M 6 14 V 6 M 9 14 V 3.5 M 12 14 V 8.5' },
    legend: {
        lines: 'M 7 4 H 14.5 M 7 8 H 14.5 M 7 12 H 14.5 M 1.5 2.5 H 4.5 V 5.5 H 1.5 Z M 3 6.5 L 4.5 8 L 3 9.5 L 1.5 8 Z',
        dots: [[3, 12, 1.5]],
    },
};

function icon(name: string): SVGSVGElement | undefined {
    const shape = ICONS[name];
    if (!shape) return undefined;
    const svg = document.createElementNS(SVG_NS, 'svg');
    for (const [attribute, value] of Object.entries({
        width: '16',
        height: '16',
        viewBox: '0 0 16 16',
        'aria-hidden': 'true',
        focusable: 'false',
    })) {
        svg.setAttribute(attribute, value);
    }
    const path = document.createElementNS(SVG_NS, 'path');
    path.setAttribute('d', shape.lines);
    svg.append(path);
    for (const [cx, cy, r] of shape.dots ?? []) {
        const dot = document.createElementNS(SVG_NS, 'circle');
        dot.setAttribute('cx', String(cx));
        dot.setAttribute('cy', String(cy));
        dot.setAttribute('r', String(r));
        svg.append(dot);
    }
    return svg;
}

/** Puts the icon named by `data-icon` into each button, and lets the arrow keys move between controls. */
export function setUpToolbar(toolbar: HTMLElement): void {
    for (const button of toolbar.querySelectorAll<HTMLElement>('[data-icon]')) {
        const svg = icon(button.dataset.icon ?? '');
        if (svg) button.replaceChildren(svg);
    }
    toolbar.addEventListener('keydown', event => {
        if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight' && event.key !== 'Home' && event.key !== 'End') return;
        if (event.target instanceof HTMLSelectElement) return; // a select's own arrow keys choose its option
        const controls = [...toolbar.querySelectorAll<HTMLElement>('button, select')].filter(
            control => !control.hidden && !(control as HTMLButtonElement).disabled,
        );
        const index = controls.indexOf(event.target as HTMLElement);
        if (index < 0) return;
        const next = event.key === 'Home' ? 0 : event.key === 'End' ? controls.length - 1 : index + (event.key === 'ArrowRight' ? 1 : -1);
        controls[(next + controls.length) % controls.length].focus();
        event.preventDefault();
    });
}

/**
 * A button that is on or off: a switch (`role="switch"`, `aria-checked`), checked like the
 * checkbox it stands for; a click flips it and reports the new state.
 */
export class ToggleButton {
    constructor(
        readonly button: HTMLButtonElement,
        checked: boolean,
        onChange: (checked: boolean) => void,
    ) {
        button.setAttribute('role', 'switch');
        this.checked = checked;
        button.addEventListener('click', () => {
            this.checked = !this.checked;
            onChange(this.checked);
        });
    }

    get checked(): boolean {
        return this.button.getAttribute('aria-checked') === 'true';
    }

    set checked(checked: boolean) {
        this.button.setAttribute('aria-checked', String(checked));
    }
}
