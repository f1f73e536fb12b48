/** Timing helpers for the benchmarks: repeated runs, medians and percentiles, table printing. */
import { performance } from 'node:perf_hooks';

/** Times `runs` runs of `task`; `setup` (untimed) prepares the input of each run. */
export async function timeRuns<T = void>(runs: number, task: (input: T) => unknown, setup?: () => T): Promise<number[]> {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
        const input = setup ? setup() : (undefined as T);
        const start = performance.now();
        await task(input);
        times.push(performance.now() - start);
    }
    return times;
}

export function percentile(times: number[], p: number): number {
    const sorted = [...times].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export const median = (times: number[]) => percentile(times, 50);

export function ms(value: number): string {
    return value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(1)} ms`;
}

export function printTable(title: string, header: string[], rows: string[][]): void {
    const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map(row => row[i].length)));
    const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
    console.log(`\n${title}\n`);
    console.log(line(header));
    console.log(`|${widths.map(width => '-'.repeat(width + 2)).join('|')}|`);
    rows.forEach(row => console.log(line(row)));
}
