/** Durations in the language: a positive integer and a unit (`30m`, `4h`, `2d`, `1w`). */

const MINUTES_PER_UNIT: Record<string, number> = { m: 1, h: 60, d: 24 * 60, w: 7 * 24 * 60 };

/**
 * The largest duration the language accepts: 9999 weeks (about 190 years), in minutes. Larger
 * literals are refused (`syntax-error`) rather than rounded (`99999999999999999999d`) or turned
 * into `Infinity` (a 400-digit number), and sums of durations stay exact integers.
 */
export const MAX_DURATION_MINUTES = 9999 * MINUTES_PER_UNIT.w;

/** How a duration literal reads: its minutes, or why it has none. */
export type DurationReading = { kind: 'minutes'; minutes: number } | { kind: 'too-large' } | { kind: 'invalid' };

export function readDuration(text: string | undefined): DurationReading {
    const match = text === undefined ? null : /^([0-9]+)([mhdw])$/.exec(text);
    if (!match) {
        return { kind: 'invalid' };
    }
    const digits = match[1].replace(/^0+(?=.)/, '');
    // More than 10 digits is beyond the limit in any unit; fewer convert exactly.
    const minutes = digits.length > 10 ? Infinity : Number(digits) * MINUTES_PER_UNIT[match[2]];
    return minutes > MAX_DURATION_MINUTES ? { kind: 'too-large' } : { kind: 'minutes', minutes };
}

/**
 * Minutes in a duration literal, or `undefined` when the text is not one or is over the limit
 * (reported by the time checks). `1d` is 24h, `1w` is 7d.
 */
export function parseDuration(text: string | undefined): number | undefined {
    const reading = readDuration(text);
    return reading.kind === 'minutes' ? reading.minutes : undefined;
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
