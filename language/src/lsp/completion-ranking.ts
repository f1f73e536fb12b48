/**
 * Which reference candidates a completion list carries when there are many: a workflow of 20,000
 * steps offers 20,000 targets after `next`, a response of megabytes that the editor filters anyway.
 * The list keeps the best `COMPLETION_LIMIT` and says it is incomplete, so the editor asks again as
 * the user types and each answer is ranked against the longer prefix:
 * 1. names that start with the typed prefix exactly, then those that start with it ignoring case,
 *    then those that only match it fuzzily (letters in order);
 * 2. within each, the candidates declared in the cursor's file before those in other files, and
 *    the nearest to the cursor first (a `next` usually points at a neighbour);
 * 3. then by name, so equal candidates always come in the same order.
 */
import type { AstNodeDescription } from 'langium';
import type { DescriptionWithStart } from '../references/workflow-scope-provider.js';

export const COMPLETION_LIMIT = 200;

export interface CompletionSite {
    /** The identifier typed so far before the cursor (may be empty). */
    readonly prefix: string;
    readonly uri: string;
    readonly offset: number;
}

/** The best `limit` candidates that match the prefix, best first. */
export function rankCandidates(
    candidates: Iterable<AstNodeDescription>,
    site: CompletionSite,
    matches: (prefix: string, name: string) => boolean,
    limit = COMPLETION_LIMIT,
): AstNodeDescription[] {
    const lowerPrefix = site.prefix.toLowerCase();
    const ranked: Array<{ description: AstNodeDescription; tier: number; distance: number }> = [];
    for (const description of candidates) {
        const name = description.name;
        const tier = name.startsWith(site.prefix)
            ? 0
            : name.toLowerCase().startsWith(lowerPrefix)
              ? 1
              : matches(site.prefix, name)
                ? 2
                : -1;
        if (tier < 0) continue;
        const offset = description.documentUri.toString() === site.uri ? offsetOf(description) : undefined;
        const distance = offset !== undefined ? Math.abs(offset - site.offset) : Number.MAX_SAFE_INTEGER;
        ranked.push({ description, tier, distance });
    }
    ranked.sort(
        (a, b) =>
            a.tier - b.tier ||
            a.distance - b.distance ||
            (a.description.name < b.description.name ? -1 : a.description.name > b.description.name ? 1 : 0),
    );
    return ranked.slice(0, limit).map(entry => entry.description);
}

/**
 * Where the candidate starts in its file, without its whole segment where it can: the first
 * completion of a 20,000-node file would otherwise compute each candidate's end, lines and
 * columns only to read where it starts.
 */
function offsetOf(description: AstNodeDescription | DescriptionWithStart): number | undefined {
    if ('startOffset' in description) return description.startOffset;
    return description.node?.$cstNode?.offset ?? description.selectionSegment?.offset;
}

/** A `sortText` that keeps the ranked order in the editor (which sorts by `sortText`, then label). */
export function rankSortText(rank: number): string {
    return `0${rank.toString().padStart(4, '0')}`;
}
