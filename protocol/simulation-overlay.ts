/**
 * The simulated figures the preview overlays on a diagram: the cycle-time percentiles for its
 * header and each node's criticality for shading. Plain data, computed by the language server
 * with the graph (the same figures as the hover, the code lens and `workflow-architect simulate`).
 */
export interface SimulationOverlay {
    readonly runs: number;
    readonly seed: number;
    /** Minutes; `null` when no run finished. */
    readonly p50: number | null;
    readonly p80: number | null;
    readonly p95: number | null;
    /** The SLA in minutes and the share of runs over it (0..1); `null` without an SLA. */
    readonly sla: number | null;
    readonly overSla: number | null;
    /** Node id → share of runs in which it lies on the longest path (0..1). */
    readonly criticality: Record<string, number>;
}

const isTime = (value: unknown) => value === null || (typeof value === 'number' && Number.isFinite(value) && value >= 0);
const isShare = (value: unknown) => typeof value === 'number' && value >= 0 && value <= 1;

/** Checks an overlay received in a message, since the webview trusts no message it did not check. */
export function isSimulationOverlay(value: unknown): value is SimulationOverlay {
    if (typeof value !== 'object' || value === null) return false;
    const overlay = value as Record<string, unknown>;
    const criticality = overlay.criticality;
    return (
        typeof overlay.runs === 'number' &&
        typeof overlay.seed === 'number' &&
        isTime(overlay.p50) &&
        isTime(overlay.p80) &&
        isTime(overlay.p95) &&
        isTime(overlay.sla) &&
        (overlay.overSla === null || isShare(overlay.overSla)) &&
        typeof criticality === 'object' &&
        criticality !== null &&
        !Array.isArray(criticality) &&
        Object.values(criticality).every(isShare)
    );
}
