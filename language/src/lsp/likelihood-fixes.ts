/**
 * The arithmetic of the `invalid-likelihood` quick fixes: figures that add up to a target, with
 * every branch keeping at least 1%.
 */

/**
 * Scales whole percentages to add up to `target` (largest remainder, each at least 1), keeping
 * their proportions as closely as whole numbers allow. `undefined` when the target is too small
 * for one percent each.
 */
export function scaleToTotal(values: readonly number[], target: number): number[] | undefined {
    const sum = values.reduce((a, b) => a + b, 0);
    if (values.length === 0 || sum <= 0 || target < values.length) return undefined;
    const exact = values.map(value => (value * target) / sum);
    const result = exact.map(value => Math.max(1, Math.floor(value)));
    let left = target - result.reduce((a, b) => a + b, 0);
    // Hand out what is left by largest remainder; take back from the largest when `max(1, …)` gave too much.
    const byRemainder = exact
        .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
        .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
    for (let i = 0; left > 0; i = (i + 1) % byRemainder.length, left--) result[byRemainder[i].index]++;
    while (left < 0) {
        const largest = result.indexOf(Math.max(...result));
        result[largest]--;
        left++;
    }
    return result;
}
