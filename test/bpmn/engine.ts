/**
 * Runs an exported BPMN file on bpmn-engine the way Camunda 8 would run it: conditions are FEEL
 * (feelin), service tasks are job workers that record their task type, call activities and user
 * tasks complete when the scheduler says so, and decisions set the process variable named after
 * the decision.
 *
 * bpmn-engine 25 (bpmn-elements 17) joins by dead-path elimination: a converging parallel gateway
 * counts a flow that was *discarded* (the branch an exclusive gateway did not take) as arrived.
 * BPMN 2.0 (and Zeebe) wait for a token on every incoming flow, which matters when a rework loop
 * inside a parallel branch leaves the join's flow untaken now and takes it after the rework. With
 * `joins: 'bpmn'` (the default) converging parallel gateways count tokens; `joins: 'engine'` keeps
 * bpmn-engine's own join, to show the difference.
 *
 * bpmn-engine has no converging inclusive gateway (it passes every token through). The inclusive
 * join waits for each incoming flow that can still get a token; outside a loop that is exactly
 * the dead-path-eliminating join, so with `joins: 'bpmn'` converging inclusive gateways get it.
 */
import { EventEmitter } from 'node:events';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
/* eslint-disable @typescript-eslint/no-explicit-any */
const { Engine } = require('bpmn-engine') as { Engine: new (options: object) => any };
const elements = require('bpmn-elements') as Record<string, any>;
const { evaluate } = require('feelin') as { evaluate(expression: string, context: object): { value: unknown } };
// The BPMN reader bpmn-engine itself uses, to read each file once however often it runs.
const engineModdle = createRequire(require.resolve('bpmn-engine'))('bpmn-moddle');
const EngineModdle = (engineModdle.BpmnModdle ?? engineModdle.default ?? engineModdle) as new (packages?: object) => {
    fromXML(xml: string): Promise<object>;
};

/** A moddle description of the few Zeebe extension elements the export writes. */
export const ZEEBE_MODDLE = JSON.parse(fs.readFileSync('test/bpmn/zeebe-moddle.json', 'utf8')) as object;

/** bpmn-elements keeps an activity's flows under this registered symbol. */
const FLOWS = Symbol.for('flows');

interface JoinMessage {
    fields: { routingKey: string };
    content: { id: string; discardSequence?: string[] };
    ack(): void;
}

/** A converging parallel gateway by BPMN 2.0: it fires once every incoming flow holds a token. */
class TokenJoin extends (elements.Activity as new (...args: any[]) => any) {
    _onJoinInbound(_routingKey: string, message: JoinMessage): void {
        const flows = (this as any)[FLOWS] as { inboundJoinFlows: Set<JoinMessage>; inboundSequenceFlows: Array<{ id: string }> };
        const pending = flows.inboundJoinFlows;
        pending.add(message);
        const taken = new Map<string, JoinMessage>();
        const discarded = new Set<string>();
        for (const held of pending) {
            if (held.fields.routingKey === 'flow.take') {
                if (!taken.has(held.content.id)) taken.set(held.content.id, held);
            } else discarded.add(held.content.id);
        }
        const ids = flows.inboundSequenceFlows.map(flow => flow.id);
        const broker = (this as any).broker;
        if (ids.every(id => taken.has(id))) {
            // One token per flow is consumed, with the discards seen before the tokens came; a
            // further token stays in the queue, which delivers it again for the next round.
            const inbound = [...taken.values()];
            for (const held of pending) if (inbound.includes(held) || held.fields.routingKey !== 'flow.take') held.ack();
            pending.clear();
            broker.cancel('_run-on-inbound');
            (this as any).run({ inbound: inbound.map(held => ({ ...held.content })) });
        } else if (taken.size === 0 && ids.every(id => discarded.has(id))) {
            // No branch will come: the join is on a path not taken, and passes the discard on.
            const inbound = [...pending].map(held => ({ ...held.content }));
            const sequence = new Set([...pending].flatMap(held => held.content.discardSequence ?? []));
            for (const held of pending) held.ack();
            pending.clear();
            broker.cancel('_run-on-inbound');
            (this as any)._runDiscard({ inbound, discardSequence: [...sequence] });
        }
    }
}

/** What a gateway does once it runs: nothing but complete (the join is in how it takes its inbound). */
function GatewayBehaviour(this: any, activity: any) {
    this.id = activity.id;
    this.type = activity.type;
    this.broker = activity.broker;
}
GatewayBehaviour.prototype.execute = function execute(this: any, { content }: { content: object }) {
    this.broker.publish('execution', 'execute.completed', { ...content });
};

// bpmn-engine builds each element with `new`, so these are plain constructor functions.
const joinElements = {
    ParallelGateway: function ParallelGateway(definition: object, context: object) {
        return new TokenJoin(GatewayBehaviour, { ...definition, isParallelGateway: true }, context);
    },
    InclusiveGateway: function InclusiveGateway(definition: object, context: object) {
        return new elements.Activity(GatewayBehaviour, { ...definition, isParallelGateway: true }, context);
    },
};

/** What one run of the process did. */
export interface Run {
    /** The elements started, in order (boundary events left out). */
    readonly started: string[];
    /** The elements completed, in order (boundary events left out). */
    readonly completed: string[];
    /** Both, interleaved as they happened: `start <id>`, `end <id>`. */
    readonly log: string[];
    /** Whether the process reached its end within the time allowed. */
    readonly ended: boolean;
    /** The task types of the service tasks run, in order. */
    readonly jobs: string[];
}

export interface RunOptions {
    /** `bpmn`: joins count tokens (BPMN 2.0, Zeebe); `engine`: bpmn-engine's own joins. */
    readonly joins?: 'bpmn' | 'engine';
    /**
     * Which waiting task completes next, of those waiting (in the order they started waiting);
     * by default the first.
     */
    readonly next?: (waiting: string[]) => number;
}

const parsed = new Map<string, Promise<object>>();
/** The file as bpmn-engine reads it, parsed once. */
function moddleContext(xml: string): Promise<object> {
    if (!parsed.has(xml)) {
        if (parsed.size > 16) parsed.clear();
        parsed.set(xml, new EngineModdle({ zeebe: ZEEBE_MODDLE }).fromXML(xml.trim()));
    }
    return parsed.get(xml)!;
}

/** The process variables FEEL sees: the decisions' outcomes. */
function decisionValues(variables: Record<string, unknown>): Record<string, string> {
    return Object.fromEntries(Object.entries(variables).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/**
 * Runs the process: each user task, call activity and decision waits until the scheduler
 * completes it; a decision `Node_<Name>` sets the variable `<Name>` to `outcome(Name, visit)`.
 */
export async function execute(xml: string, outcome: (decision: string, visit: number) => string, options: RunOptions = {}): Promise<Run> {
    const jobs: string[] = [];
    const engine = new Engine({
        name: 'run',
        moddleContext: await moddleContext(xml),
        moddleOptions: { zeebe: ZEEBE_MODDLE },
        ...(options.joins === 'engine' ? {} : { elements: { ...elements, ...joinElements } }),
        expressions: {
            // Zeebe's convention: an expression starts with `=` and is FEEL.
            resolveExpression: (expression: unknown, context: { environment: { variables: Record<string, unknown> } }) =>
                typeof expression === 'string' && expression.startsWith('=')
                    ? evaluate(expression.slice(1), decisionValues(context.environment.variables)).value
                    : expression,
            isExpression: (text: unknown) => typeof text === 'string' && text.startsWith('='),
            hasExpression: (text: unknown) => typeof text === 'string' && text.startsWith('='),
        },
        extensions: {
            // A job worker per task type, as Camunda would run one.
            workers(activity: any) {
                if (activity.type !== 'bpmn:ServiceTask') return;
                const definition = activity.behaviour.extensionElements?.values?.find(
                    (value: { $type: string }) => value.$type === 'zeebe:TaskDefinition',
                );
                activity.behaviour.Service = function Worker() {
                    return {
                        execute: (_message: unknown, callback: (error: null, output: object) => void) => {
                            jobs.push(definition?.type);
                            callback(null, {});
                        },
                    };
                };
            },
        },
    });
    const started: string[] = [];
    const completed: string[] = [];
    const log: string[] = [];
    const visits = new Map<string, number>();
    const waiting: Array<{ id: string; signal(): void }> = [];
    let finished = false;
    // Completes one waiting task once the engine has settled, so parallel branches interleave as the scheduler picks.
    const schedule = () =>
        setImmediate(() => {
            if (finished || waiting.length === 0) return;
            const index = Math.min(Math.max(options.next?.(waiting.map(task => task.id)) ?? 0, 0), waiting.length - 1);
            const [task] = waiting.splice(index, 1);
            task.signal();
            schedule();
        });
    const listener = new EventEmitter();
    listener.on('activity.start', (api: { id: string; type: string }) => {
        if (api.type === 'bpmn:BoundaryEvent') return;
        started.push(api.id);
        log.push(`start ${api.id}`);
    });
    listener.on('activity.end', (api: { id: string; type: string }) => {
        if (api.type === 'bpmn:BoundaryEvent') return;
        completed.push(api.id);
        log.push(`end ${api.id}`);
    });
    const wait = (api: { id: string; environment: { variables: Record<string, unknown> }; signal(): void }) => {
        const decision = /^Node_(\w+)$/.exec(api.id)?.[1];
        waiting.push({
            id: api.id,
            signal: () => {
                if (decision) {
                    const visit = (visits.get(decision) ?? 0) + 1;
                    visits.set(decision, visit);
                    api.environment.variables[decision] = outcome(decision, visit);
                }
                api.signal();
            },
        });
        schedule();
    };
    listener.on('wait', wait);
    listener.on('activity.call', wait);
    let timer: NodeJS.Timeout | undefined;
    const ended = new Promise<boolean>((resolve, reject) => {
        engine.once('end', () => resolve(true));
        engine.once('error', reject);
        timer = setTimeout(() => resolve(false), 5_000);
    });
    await engine.execute({ listener });
    const result = await ended;
    finished = true;
    clearTimeout(timer);
    if (!result) await engine.stop();
    return { started, completed, log, ended: result, jobs };
}
