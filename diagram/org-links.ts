/**
 * The edges the organization map draws: one per pair of teams that hand off to each other, in
 * either direction or both (`A ⇄ B` is one line with two arrowheads, not two lines side by side),
 * and the minimum-hand-offs filter that keeps a large map to its strongest ties. The view, its
 * export and `org --format svg` all start from `defaultMinHandoffs`, so they draw the same map.
 */
import type { OrgMap, TeamPair } from '../protocol/org-map.js';

export interface TeamLink {
    /** `handoff:From>To` of the busier direction (the first of `pairs`). */
    readonly id: string;
    readonly from: string;
    readonly to: string;
    /** Indices into `OrgMap.handoffs`: the busier direction first, the other one if any. */
    readonly pairs: readonly number[];
    /** Hand-offs in both directions. */
    readonly count: number;
}

/** The thresholds the view offers; 1 shows every pair. */
export const MIN_HANDOFF_CHOICES = [1, 2, 3, 5] as const;

/**
 * A map opens with at most this many edges when a threshold of `MIN_HANDOFF_CHOICES` gets it
 * there: measured on the generated 30-team map, 25 edges read at a glance at 1400 × 900 while 62
 * (threshold 3) were already a tangle of long detours.
 */
export const DEFAULT_MAX_LINKS = 30;

export const pairEdgeId = (pair: Pick<TeamPair, 'from' | 'to'>) => `handoff:${pair.from}>${pair.to}`;

/** One link per unordered team pair, busiest first (`OrgMap.handoffs` is sorted by count, so is this). */
export function teamLinks(map: OrgMap): TeamLink[] {
    const byKey = new Map<string, { pairs: number[]; count: number }>();
    map.handoffs.forEach((pair, index) => {
        const key = pair.from < pair.to ? `${pair.from}\u0000${pair.to}` : `${pair.to}\u0000${pair.from}`;
        const entry = byKey.get(key) ?? byKey.set(key, { pairs: [], count: 0 }).get(key)!;
        entry.pairs.push(index);
        entry.count += pair.count;
    });
    const links = [...byKey.values()].map(({ pairs, count }) => {
        const first = map.handoffs[pairs[0]];
        return { id: pairEdgeId(first), from: first.from, to: first.to, pairs, count };
    });
    // Stable: links of equal weight keep the order of their busier direction in the map.
    return links.sort((a, b) => b.count - a.count);
}

/** The link a `handoff:From>To` id names, in either direction. */
export function linkOf(map: OrgMap, links: readonly TeamLink[], id: string | undefined): TeamLink | undefined {
    if (!id) return undefined;
    return links.find(link => link.pairs.some(index => pairEdgeId(map.handoffs[index]) === id));
}

/** The smallest threshold that brings the map to at most `DEFAULT_MAX_LINKS` edges (the largest one otherwise). */
export function defaultMinHandoffs(links: readonly TeamLink[]): number {
    for (const threshold of MIN_HANDOFF_CHOICES) {
        if (links.filter(link => link.count >= threshold).length <= DEFAULT_MAX_LINKS) return threshold;
    }
    return MIN_HANDOFF_CHOICES[MIN_HANDOFF_CHOICES.length - 1];
}
