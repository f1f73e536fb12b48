/**
 * The simulation engine: runs a compiled workflow case by case, as a discrete-event simulation.
 *
 * A run starts the start node at time 0. A node's time is drawn from its estimate (plus, for a
 * node that `calls` a workflow, one simulated run of that workflow); when it completes, a step
 * starts every `next` target at once, a decision draws one branch by its likelihoods. A join waits
 * as described in `compiled-workflow.ts`. Reaching an `end` finishes the case at that moment,
 * whatever still runs. A run that makes more than `MAX_VISITS` node visits is cut and counted as
 * "did not finish"; so is a run whose called workflow did not finish.
 *
 * Per run it records the cycle time, the hand-offs taken and the nodes on the longest path: the
 * chain of starts that led to the end (for a join, the arrival that came last).
 */
import type { CompiledWorkflow } from './compiled-workflow.js';
import { DECISION, END, PERT, UNIFORM } from './compiled-workflow.js';
import type { Random } from './random.js';

/** The node visits after which a run is cut (LANGUAGE.md, "Simulation"). */
export const MAX_VISITS = 1000;

/** What one run leaves behind; `time` is −1 when it did not finish. */
export interface RunState {
    time: number;
    handoffs: number;
    /** The visit that finished the case (its end, or the last completion when no end was reached). */
    last: number;
}

/**
 * Runs one compiled workflow. The state of the run in progress lives in fields and typed arrays
 * allocated once, so that a run allocates nothing; the runners of called workflows are made on
 * first use.
 */
class Runner {
    readonly heapTime = new Float64Array(MAX_VISITS + 1);
    readonly heapVisit = new Int32Array(MAX_VISITS + 1);
    readonly visitNode = new Int32Array(MAX_VISITS + 1);
    readonly visitParent = new Int32Array(MAX_VISITS + 1);
    private readonly waiting: Int32Array;
    private readonly waitParent: Int32Array;
    private readonly waitList: Int32Array;
    private readonly callees: Array<Runner | undefined>;
    /** Set while a run is in progress: a call back into this workflow takes no time. */
    private running = false;
    private heapSize = 0;
    private visits = 0;
    private waitCount = 0;
    private handoffs = 0;
    private endVisit = -1;
    private endTime = 0;
    private failed = false;
    private readonly inner: RunState = { time: 0, handoffs: 0, last: -1 };

    constructor(
        private readonly w: CompiledWorkflow,
        private readonly random: Random,
        private readonly runners: Map<CompiledWorkflow, Runner>,
    ) {
        const n = w.names.length;
        this.waiting = new Int32Array(n);
        this.waitParent = new Int32Array(n);
        this.waitList = new Int32Array(n);
        this.callees = w.callees.map(() => undefined);
        runners.set(w, this);
    }

    run(out: RunState): void {
        const w = this.w;
        out.time = -1;
        out.handoffs = 0;
        out.last = -1;
        if (w.start < 0) {
            out.time = 0;
            return;
        }
        this.running = true;
        this.heapSize = 0;
        this.visits = 0;
        this.waitCount = 0;
        this.handoffs = 0;
        this.endVisit = -1;
        this.failed = false;
        let lastTime = 0;
        let lastVisit = -1;
        const { heapTime, heapVisit, visitNode, outStart, outCumulative, kind } = this.views();
        this.start(w.start, -1, 0);
        while (this.heapSize > 0 && this.endVisit < 0 && !this.failed) {
            const time = heapTime[0];
            const visit = heapVisit[0];
            this.pop();
            lastTime = time;
            lastVisit = visit;
            const node = visitNode[visit];
            const first = outStart[node];
            const end = outStart[node + 1];
            if (kind[node] === DECISION) {
                if (end > first) {
                    const u = this.random.uniform();
                    let edge = first;
                    while (edge < end - 1 && u >= outCumulative[edge]) edge++;
                    this.arrive(edge, time, visit);
                }
            } else {
                for (let edge = first; edge < end && this.endVisit < 0 && !this.failed; edge++) this.arrive(edge, time, visit);
            }
            if (this.waitCount > 0) this.startFreeJoins(time);
        }
        for (let i = 0; i < this.waitCount; i++) this.waiting[this.waitList[i]] = 0;
        this.running = false;
        out.handoffs = this.handoffs;
        if (this.failed) return;
        out.time = this.endVisit >= 0 ? this.endTime : lastTime;
        out.last = this.endVisit >= 0 ? this.endVisit : lastVisit;
    }

    private views() {
        return {
            heapTime: this.heapTime,
            heapVisit: this.heapVisit,
            visitNode: this.visitNode,
            outStart: this.w.outStart,
            outCumulative: this.w.outCumulative,
            kind: this.w.kind,
        };
    }

    /** Draws a node's own time from its estimate. */
    private draw(node: number): number {
        const w = this.w;
        const kind = w.estimateKind[node];
        if (kind === UNIFORM) return w.low[node] + w.span[node] * this.random.uniform();
        if (kind === PERT) {
            const x = this.random.gamma(w.alphaD[node], w.alphaC[node]);
            const y = this.random.gamma(w.betaD[node], w.betaC[node]);
            return w.low[node] + (w.span[node] * x) / (x + y);
        }
        return w.low[node];
    }

    /** Starts `node` at `time`, started by visit `parent`: an end finishes the case, other nodes complete later. */
    private start(node: number, parent: number, time: number): void {
        if (this.visits >= MAX_VISITS) {
            this.failed = true;
            return;
        }
        const visit = this.visits++;
        this.visitNode[visit] = node;
        this.visitParent[visit] = parent;
        const w = this.w;
        if (w.kind[node] === END) {
            this.endVisit = visit;
            this.endTime = time;
            return;
        }
        let took = this.draw(node);
        const callee = w.callee[node];
        if (callee >= 0) {
            const runner = this.calleeRunner(callee);
            if (!runner.running) {
                runner.run(this.inner);
                if (this.inner.time < 0) {
                    this.failed = true;
                    return;
                }
                took += this.inner.time;
            }
        }
        this.push(time + took, visit);
    }

    private calleeRunner(callee: number): Runner {
        let runner = this.callees[callee];
        if (!runner) {
            const target = this.w.callees[callee];
            runner = this.runners.get(target) ?? new Runner(target, this.random, this.runners);
            this.callees[callee] = runner;
        }
        return runner;
    }

    private arrive(edge: number, time: number, from: number): void {
        const w = this.w;
        if (w.outHandoff[edge]) this.handoffs++;
        const target = w.outTarget[edge];
        if (w.joinIndex[target] >= 0 && !w.outBack[edge]) {
            if (this.waiting[target] === 0) this.waitList[this.waitCount++] = target;
            this.waiting[target]++;
            this.waitParent[target] = from; // arrivals come in time order: the last one is the latest
        } else {
            this.start(target, from, time);
        }
    }

    /** Starts the waiting joins that nothing can reach any more, until none is left to start. */
    private startFreeJoins(time: number): void {
        let started = true;
        while (started && this.waitCount > 0 && this.endVisit < 0 && !this.failed) {
            started = false;
            for (let i = 0; i < this.waitCount; i++) {
                const join = this.waitList[i];
                if (this.blocked(join)) continue;
                this.waitList[i] = this.waitList[--this.waitCount];
                this.waiting[join] = 0;
                this.start(join, this.waitParent[join], time);
                started = true;
                break;
            }
        }
    }

    /**
     * Whether work that can still reach join `node` is running, or waiting at another join. Work
     * at the join itself counts only when a rework loop leads back to it.
     */
    private blocked(node: number): boolean {
        const w = this.w;
        const base = w.joinIndex[node] * w.words;
        const ancestors = w.ancestors;
        for (let i = 0; i < this.heapSize; i++) {
            const other = this.visitNode[this.heapVisit[i]];
            if (ancestors[base + (other >>> 5)] & (1 << (other & 31))) return true;
        }
        for (let i = 0; i < this.waitCount; i++) {
            const other = this.waitList[i];
            if (other !== node && ancestors[base + (other >>> 5)] & (1 << (other & 31))) return true;
        }
        return false;
    }

    /** Adds a completion to the binary min-heap. */
    private push(done: number, visit: number): void {
        const heapTime = this.heapTime;
        const heapVisit = this.heapVisit;
        let at = this.heapSize++;
        while (at > 0) {
            const up = (at - 1) >> 1;
            if (heapTime[up] <= done) break;
            heapTime[at] = heapTime[up];
            heapVisit[at] = heapVisit[up];
            at = up;
        }
        heapTime[at] = done;
        heapVisit[at] = visit;
    }

    /** Removes the earliest completion. */
    private pop(): void {
        const heapTime = this.heapTime;
        const heapVisit = this.heapVisit;
        const size = --this.heapSize;
        if (size === 0) return;
        const movedTime = heapTime[size];
        const movedVisit = heapVisit[size];
        let at = 0;
        for (;;) {
            let child = 2 * at + 1;
            if (child >= size) break;
            if (child + 1 < size && heapTime[child + 1] < heapTime[child]) child++;
            if (heapTime[child] >= movedTime) break;
            heapTime[at] = heapTime[child];
            heapVisit[at] = heapVisit[child];
            at = child;
        }
        heapTime[at] = movedTime;
        heapVisit[at] = movedVisit;
    }
}

export class SimulationEngine {
    private readonly runners = new Map<CompiledWorkflow, Runner>();
    private readonly state: RunState = { time: 0, handoffs: 0, last: -1 };

    constructor(private readonly random: Random) {}

    /** One run of `workflow`. The result object is reused by the next run. */
    run(workflow: CompiledWorkflow): RunState {
        this.runnerOf(workflow).run(this.state);
        return this.state;
    }

    /** The node of each visit of the last run of `workflow` and the visit that started it. */
    visits(workflow: CompiledWorkflow): { node: Int32Array; parent: Int32Array } {
        const runner = this.runnerOf(workflow);
        return { node: runner.visitNode, parent: runner.visitParent };
    }

    private runnerOf(workflow: CompiledWorkflow): Runner {
        return this.runners.get(workflow) ?? new Runner(workflow, this.random, this.runners);
    }
}
