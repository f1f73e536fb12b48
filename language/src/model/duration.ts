/** Durations in the language: a positive integer and a unit (`30m`, `4h`, `2d`, `1w`). */

const MINUTES_PER_UNIT: Record<string, number> = { m: 1, h: 60, d: 24 * 60, w: 7 * 24 * 60 };

/** Minutes in a duration literal, or `undefined` when the text is not one. `1d` is 24h, `1w` is 7d. */
export function parseDuration(text: string | undefined): number | undefined {
    const match = text === undefined ? null : /^([0-9]+)([mhdw])$/.exec(text);
    if (!match) {
        return undefined;
    }
    return Number(match[1]) * MINUTES_PER_UNIT[match[2]];
}

/**
 * Human form of a number of minutes, largest units first, in days, hours and minutes
 * (`3d 7h`, `45m`, `0m`). Weeks are spelled as days so that figures compare at a glance.
 */
export function formatDuration(minutes: number): string {
    const days = Math.floor(minutes / (24 * 60));
    const hours = Math.floor((minutes % (24 * 60)) / 60);
    const rest = minutes % 60;
    const parts: string[] = [];
    if (days) parts.push(`${days}d`);
    if (hours) parts.push(`${hours}h`);
    if (rest || parts.length === 0) parts.push(`${rest}m`);
    return parts.join(' ');
}
