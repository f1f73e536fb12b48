/**
 * The simulation figures as text: the code lens part, the hover lines, the text histogram and
 * the Markdown report of `workflow-architect simulate`. Durations read like the rest of the
 * product (`6d 4h`), shares as percentages.
 */
import { formatDuration } from '../../model/duration.js';
import type { HistogramBin, SimulationReport } from './simulation.js';

/** `23%`, `0.4%` below one percent, `<0.1%` for a few, `0%` for none. */
export function formatShare(share: number): string {
    const percent = share * 100;
    if (percent > 0 && percent < 0.1) return '<0.1%';
    return percent > 0 && percent < 1 ? `${percent.toFixed(1)}%` : `${Math.round(percent)}%`;
}

const time = (minutes: number | null) => (minutes === null ? '—' : formatDuration(minutes));

/** The code lens part: `P80 6d 4h / SLA 10d · 7% over`, or `P80 6d 4h` without an SLA. */
export function lensText(report: SimulationReport): string {
    if (report.p80 === null) return 'simulation: no run finishes';
    const p80 = `P80 ${formatDuration(report.p80)}`;
    if (report.sla === null) return p80;
    return `${p80} / SLA ${formatDuration(report.sla)} · ${formatShare(report.overSla ?? 0)} over`;
}

/** `P50 3d 2h · P80 4d · P95 5d 6h`. */
export function percentilesText(report: SimulationReport): string {
    return `P50 ${time(report.p50)} · P80 ${time(report.p80)} · P95 ${time(report.p95)}`;
}

/** Merges neighbouring bins until at most `rows` are left. */
function coarser(bins: HistogramBin[], rows: number): HistogramBin[] {
    if (bins.length <= rows) return bins;
    const group = Math.ceil(bins.length / rows);
    const merged: HistogramBin[] = [];
    for (let i = 0; i < bins.length; i += group) {
        const part = bins.slice(i, i + group);
        merged.push({ from: part[0].from, to: part[part.length - 1].to, runs: part.reduce((sum, bin) => sum + bin.runs, 0) });
    }
    return merged;
}

/**
 * A histogram of the cycle times in plain text, one row per bin, bars of full blocks scaled to
 * the fullest bin: `2d 4h – 2d 8h │████████   │ 12%`.
 */
export function histogramText(report: SimulationReport, rows = 10, width = 24): string[] {
    const bins = coarser(report.histogram, rows);
    const finished = bins.reduce((sum, bin) => sum + bin.runs, 0);
    if (finished === 0) return [];
    const most = Math.max(...bins.map(bin => bin.runs));
    const labels = bins.map(bin => `${formatDuration(bin.from)} – ${formatDuration(bin.to)}`);
    const labelWidth = Math.max(...labels.map(label => label.length));
    return bins.map((bin, i) => {
        const length = Math.round((bin.runs / most) * width);
        const bar = '█'.repeat(length).padEnd(width, ' ');
        return `${labels[i].padEnd(labelWidth)} │${bar}│ ${formatShare(bin.runs / finished)}`;
    });
}

/** The Markdown report of `simulate --format md`. */
export function markdownReport(report: SimulationReport): string {
    const lines = [`# Simulation of ${report.workflow}`, ''];
    lines.push(`${report.runs.toLocaleString('en')} runs, seed ${report.seed}. Times are calendar time (1d = 24h).`, '');
    lines.push('| figure | value |', '|---|---|');
    lines.push(`| P50 | ${time(report.p50)} |`, `| P80 | ${time(report.p80)} |`, `| P95 | ${time(report.p95)} |`);
    lines.push(`| mean | ${time(report.mean)} |`);
    if (report.sla !== null) {
        lines.push(`| SLA | ${formatDuration(report.sla)} |`, `| over the SLA | ${formatShare(report.overSla ?? 0)} of runs |`);
    }
    lines.push(`| did not finish | ${formatShare(report.didNotFinish)} of runs |`, `| hand-offs per run | ${report.handoffs} |`, '');
    lines.push('## Criticality', '', 'The share of runs in which the node lies on the longest path.', '');
    lines.push('| node | criticality |', '|---|---|');
    const nodes = Object.entries(report.criticality).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    for (const [node, share] of nodes) lines.push(`| ${node} | ${formatShare(share)} |`);
    const histogram = histogramText(report, 20);
    if (histogram.length > 0) lines.push('', '## Cycle time', '', '```text', ...histogram, '```');
    return lines.join('\n') + '\n';
}
