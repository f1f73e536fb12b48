/**
 * The messages between the Organization Map's webview and the extension, declared once for both
 * sides, with the validators each side applies to what it receives. The webview names what it
 * wants revealed by index or name; the extension looks the location up in the map it sent, so a
 * webview cannot make the editor open anything else.
 */
import type { OrgMap } from './org-map.js';
import { isExportReply, plainNotice } from './webview-messages.js';

export { plainNotice };

/** Extension → webview. */
export type ToOrgMap =
    | { readonly type: 'model'; readonly map: OrgMap }
    | { readonly type: 'export'; readonly requestId: number; readonly format: 'svg' | 'png' }
    /** Clicks a team (`team:Name`), a pair's edge (`handoff:From>To`) or a toolbar control by id: for the integration tests. */
    | { readonly type: 'click'; readonly target: string };

/** Webview → extension. */
export type FromOrgMap =
    | { readonly type: 'ready' }
    /** Reveal the transition of hand-off `index` of pair `pair` of the map last sent. */
    | { readonly type: 'revealHandoff'; readonly pair: number; readonly index: number }
    | { readonly type: 'revealWorkflow'; readonly workflow: string }
    | { readonly type: 'revealTeam'; readonly team: string }
    /** The toolbar's export buttons: the extension asks where to save, then requests the data. */
    | { readonly type: 'exportRequested'; readonly format: 'svg' | 'png' }
    | {
          readonly type: 'rendered';
          readonly teams: number;
          readonly edges: number;
          readonly systems: number;
          /** The minimum-hand-offs threshold drawn, and the team pairs it hid. */
          readonly minHandoffs?: number;
          readonly hiddenPairs?: number;
          readonly layoutMs: number;
      }
    | { readonly type: 'exported'; readonly requestId: number; readonly format: 'svg' | 'png'; readonly data: string }
    | { readonly type: 'error'; readonly message: string; readonly requestId?: number };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown, max = 1000): value is string => typeof value === 'string' && value.length <= max;
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;
const isFormat = (value: unknown) => value === 'svg' || value === 'png';

export function isFromOrgMap(message: unknown): message is FromOrgMap {
    if (!isObject(message) || !isString(message.type, 40)) return false;
    switch (message.type) {
        case 'ready':
            return true;
        case 'revealHandoff':
            return isCount(message.pair) && isCount(message.index);
        case 'revealWorkflow':
            return isString(message.workflow);
        case 'revealTeam':
            return isString(message.team);
        case 'exportRequested':
            return isFormat(message.format);
        case 'rendered':
            return isCount(message.teams) && isCount(message.edges) && isCount(message.systems) && typeof message.layoutMs === 'number';
        case 'exported':
        case 'error':
            return isExportReply(message);
        default:
            return false;
    }
}

export function isToOrgMap(message: unknown): message is ToOrgMap {
    if (!isObject(message) || !isString(message.type, 40)) return false;
    switch (message.type) {
        case 'model':
            return (
                isObject(message.map) &&
                Array.isArray(message.map.teams) &&
                Array.isArray(message.map.handoffs) &&
                Array.isArray(message.map.systems)
            );
        case 'export':
            return typeof message.requestId === 'number' && isFormat(message.format);
        case 'click':
            return isString(message.target);
        default:
            return false;
    }
}
