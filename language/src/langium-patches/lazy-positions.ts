/**
 * Patch of Langium 4.4.0 `LeafCstNodeImpl`'s `offset`, `end` and `range` getters and
 * `CompositeCstNodeImpl`'s `range` getter (which caches in the private `_rangeCache`); writes the
 * private `_offset`, `_startLine`, `_startColumn`, `_endLine`, `_endColumn` fields of leaves.
 *
 * After a keystroke the incremental re-parse (`incremental-parser.ts`) moves every token after
 * the edited node. Doing that eagerly visits every token of the file per keystroke; instead the
 * root of the CST keeps a log of the moves, and a token applies the moves it has not seen yet
 * when its position is first read. A composite's cached range is valid for the length of the log
 * it was computed at. Installed once, by the incremental document factory: trees without a log
 * (every tree until its first incremental re-parse) behave as Langium's.
 */
import type { CstNode } from 'langium';
import { CompositeCstNodeImpl, LeafCstNodeImpl } from 'langium';

/** Every token at or after `from` moves by `delta`; those on line `line` also by `columnDelta` characters. */
export interface Shift {
    readonly from: number;
    readonly delta: number;
    readonly line: number;
    readonly lineDelta: number;
    readonly columnDelta: number;
}

interface MutableLeaf {
    container?: CstNode;
    _offset: number;
    _length: number;
    _startLine: number;
    _startColumn: number;
    _endLine: number;
    _endColumn: number;
    /** How many shifts of its root's log the leaf has applied. */
    _applied?: number;
    /** `logged` when the leaf last looked at its root's log: while it is unchanged, nothing was logged anywhere since. */
    _seen?: number;
}

/** Shifts logged in all trees: a leaf reads its root's log only when this moved since it last did. */
let logged = 0;

interface LoggingRoot {
    _shifts?: Shift[];
}

interface CachingComposite {
    _rangeCache?: unknown;
    _rangeAt?: number;
}

function rootOf(node: { container?: CstNode }): LoggingRoot {
    let at = node;
    while (at.container) at = at.container;
    return at as LoggingRoot;
}

/** Applies to the leaf the shifts logged since it last read its position. */
function sync(leaf: MutableLeaf): void {
    // No shift anywhere yet (a command-line run, a server before its first keystroke): leaves stay as Langium made them.
    if (logged === 0 || leaf._seen === logged) return;
    leaf._seen = logged;
    const shifts = rootOf(leaf)._shifts;
    if (!shifts) return;
    let i = leaf._applied ?? 0;
    if (i >= shifts.length) return;
    for (; i < shifts.length; i++) {
        const shift = shifts[i];
        if (leaf._offset < shift.from) continue;
        if (leaf._startLine === shift.line) leaf._startColumn += shift.columnDelta;
        if (leaf._endLine === shift.line) leaf._endColumn += shift.columnDelta;
        leaf._offset += shift.delta;
        leaf._startLine += shift.lineDelta;
        leaf._endLine += shift.lineDelta;
    }
    leaf._applied = shifts.length;
}

/** The root's log, created on first use. */
export function shiftLog(root: CstNode): Shift[] {
    return ((root as unknown as LoggingRoot)._shifts ??= []);
}

/** Marks a leaf as already at the positions of the whole log, and of one shift more that is about to be logged. */
export function markCurrent(leaf: CstNode, log: Shift[]): void {
    (leaf as unknown as MutableLeaf)._applied = log.length + 1;
}

/** Changes whenever positions move anywhere: what was computed from positions at an equal stamp still holds. */
export function positionsStamp(): number {
    return logged;
}

/** Logs a shift in the root's log. */
export function logShift(log: Shift[], shift: Shift): void {
    log.push(shift);
    logged++;
}

let installed = false;

export function installLazyPositions(): void {
    if (installed) return;
    installed = true;
    Object.defineProperties(LeafCstNodeImpl.prototype, {
        offset: {
            get(this: MutableLeaf) {
                sync(this);
                return this._offset;
            },
            configurable: true,
        },
        end: {
            get(this: MutableLeaf) {
                sync(this);
                return this._offset + this._length;
            },
            configurable: true,
        },
        range: {
            get(this: MutableLeaf) {
                sync(this);
                return {
                    start: { line: this._startLine, character: this._startColumn },
                    end: { line: this._endLine, character: this._endColumn },
                };
            },
            configurable: true,
        },
    });
    const compositeRange = Object.getOwnPropertyDescriptor(CompositeCstNodeImpl.prototype, 'range')!.get!;
    Object.defineProperty(CompositeCstNodeImpl.prototype, 'range', {
        get(this: CachingComposite & { container?: CstNode }) {
            const at = rootOf(this)._shifts?.length ?? 0;
            if (this._rangeAt !== at) {
                this._rangeCache = undefined;
                this._rangeAt = at;
            }
            return compositeRange.call(this);
        },
        configurable: true,
    });
}
