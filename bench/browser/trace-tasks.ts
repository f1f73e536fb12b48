/**
 * Reads a Chromium trace (devtools.timeline categories) for the benchmark: the longest task on
 * the page's main thread, and what its time went to — our script, style recalculation, layout,
 * paint (pre-paint, paint, layerizing, commit) or garbage collection — by self time of the trace
 * events nested in it.
 */

interface TraceEvent {
    name: string;
    ph: string;
    ts: number;
    dur?: number;
    pid: number;
    tid: number;
    args?: { name?: string };
}

export interface LongestTask {
    /** Milliseconds. */
    duration: number;
    /** Milliseconds of self time by kind. */
    parts: Record<TaskPart, number>;
    /** Milliseconds of self time by trace event name, largest first (what "script" or "other" was). */
    events: Array<[name: string, ms: number]>;
}

export type TaskPart = 'script' | 'style' | 'layout' | 'paint' | 'gc' | 'other';

const PART_OF: Record<string, TaskPart> = {
    FunctionCall: 'script',
    EvaluateScript: 'script',
    'v8.compile': 'script',
    'v8.callFunction': 'script',
    TimerFire: 'script',
    EventDispatch: 'script',
    FireAnimationFrame: 'script',
    RunMicrotasks: 'script',
    'V8.DeserializeContext': 'script',
    UpdateLayoutTree: 'style',
    RecalculateStyles: 'style',
    ParseAuthorStyleSheet: 'style',
    Layout: 'layout',
    PrePaint: 'paint',
    Paint: 'paint',
    Layerize: 'paint',
    UpdateLayer: 'paint',
    'LocalFrameView::RunPaintLifecyclePhase': 'paint',
    Commit: 'paint',
    MinorGC: 'gc',
    MajorGC: 'gc',
    'V8.GC_SCAVENGER': 'gc',
    'V8.GC_MARK_COMPACTOR': 'gc',
    BlinkGC: 'gc',
};

const TASK_NAMES = new Set(['RunTask', 'ThreadControllerImpl::RunTask', 'ThreadPool_RunTask']);

function partOf(name: string): TaskPart | undefined {
    return PART_OF[name] ?? (name.startsWith('BlinkGC') || name.startsWith('V8.GC') ? 'gc' : undefined);
}

/**
 * The longest task of the renderer's main thread in the trace (undefined when the trace holds
 * none), leaving out tasks that post a message with `window.postMessage` (the benchmark's own);
 * with `receiving`, only tasks that receive a `window.postMessage` (the model's messages): reading
 * a message, its structured clone and validation included, is part of such a task.
 */
export function longestTask(trace: { traceEvents: TraceEvent[] } | TraceEvent[], receiving = false): LongestTask | undefined {
    const events = Array.isArray(trace) ? trace : trace.traceEvents;
    const main = events.find(event => event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain');
    if (!main) return undefined;
    const onMain = events
        .filter(event => event.ph === 'X' && event.pid === main.pid && event.tid === main.tid && event.dur !== undefined)
        .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    // The task that posts the model is the sender's (in VS Code, another process's): left out.
    const sends = onMain.filter(event => event.name === 'DOMWindow::DoPostMessage');
    const within = (event: TraceEvent, task: TraceEvent) => event.ts >= task.ts && event.ts <= task.ts + task.dur!;
    const receives = onMain.filter(event => event.name === 'HandlePostMessage');
    const tasks = onMain.filter(
        event =>
            TASK_NAMES.has(event.name) &&
            !sends.some(send => within(send, event)) &&
            (!receiving || receives.some(receive => within(receive, event))),
    );
    if (tasks.length === 0) return undefined;
    const task = tasks.reduce((longest, candidate) => (candidate.dur! > longest.dur! ? candidate : longest));
    const end = task.ts + task.dur!;
    const inside = onMain.filter(event => event !== task && event.ts >= task.ts && event.ts + event.dur! <= end);
    const parts: Record<TaskPart, number> = { script: 0, style: 0, layout: 0, paint: 0, gc: 0, other: 0 };
    // Self time of each event goes to the kind of the innermost named event around it.
    const byName = new Map<string, number>();
    const stack: Array<{ end: number; part: TaskPart; childTime: number; dur: number; name: string }> = [
        { end, part: 'other', childTime: 0, dur: task.dur!, name: task.name },
    ];
    const close = (until: number) => {
        while (stack.length > 1 && stack[stack.length - 1].end <= until) {
            const done = stack.pop()!;
            parts[done.part] += done.dur - done.childTime;
            byName.set(done.name, (byName.get(done.name) ?? 0) + done.dur - done.childTime);
        }
    };
    for (const event of inside) {
        close(event.ts);
        const parent = stack[stack.length - 1];
        parent.childTime += event.dur!;
        stack.push({
            end: event.ts + event.dur!,
            part: partOf(event.name) ?? parent.part,
            childTime: 0,
            dur: event.dur!,
            name: event.name,
        });
    }
    close(Infinity);
    parts.other += stack[0].dur - stack[0].childTime;
    const toMs = (value: number) => value / 1000;
    return {
        duration: toMs(task.dur!),
        parts: Object.fromEntries(Object.entries(parts).map(([part, value]) => [part, toMs(value)])) as Record<TaskPart, number>,
        events: [...byName]
            .sort((a, b) => b[1] - a[1])
            .slice(0, 6)
            .map(([name, value]) => [name, toMs(value)]),
    };
}

/** `style 30 · layout 12 · script 4`: the kinds that took at least a millisecond, largest first. */
export function describeParts(parts: Record<TaskPart, number>): string {
    return Object.entries(parts)
        .filter(([, value]) => value >= 1)
        .sort((a, b) => b[1] - a[1])
        .map(([part, value]) => `${part} ${value.toFixed(0)}`)
        .join(' · ');
}
