/**
 * The diagram as shown, as a standalone SVG: each element's computed style (the theme's colours,
 * the critical-path toggle, the selection) written onto it as presentation attributes. A file
 * without a stylesheet looks the same in every viewer, and it can be drawn into a PNG under the
 * webview's content security policy, which would block an embedded `<style>`.
 */

const PROPERTIES = ['fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'opacity', 'font-family', 'font-size', 'font-weight', 'text-anchor'];

export function standaloneSvg(shown: SVGSVGElement): string {
    const copy = shown.cloneNode(true) as SVGSVGElement;
    const originals = [shown, ...shown.querySelectorAll('*')];
    const copies = [copy, ...copy.querySelectorAll('*')];
    originals.forEach((original, index) => {
        const style = getComputedStyle(original);
        for (const property of PROPERTIES) {
            const value = style.getPropertyValue(property);
            if (value) copies[index].setAttribute(property, value);
        }
        copies[index].removeAttribute('tabindex');
        copies[index].removeAttribute('role');
    });
    copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
    return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}\n`;
}
