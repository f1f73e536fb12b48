/**
 * Executable BPMN 2.0 XML of a workflow graph, for Camunda 8 (Zeebe) and any BPMN modeller, as
 * LANGUAGE.md specifies under `render`:
 *
 * - one pool, one lane per team; the start event is named after the trigger;
 * - a step is a user task for its team (`zeebe:assignmentDefinition candidateGroups`), a service
 *   task when automated (`zeebe:taskDefinition type` = the system's name), a call activity when it
 *   `calls` a workflow (`zeebe:calledElement processId="Process_<Workflow>"`);
 * - a decision is a user task for its owner, who sets the process variable named after the
 *   decision, followed by an exclusive gateway: each `when` flow has the condition
 *   `=<Decision> = "<branch text>"`, `otherwise` is the default flow;
 * - `next A, B` is a parallel gateway; the joins and merges come from `bpmn-flow.ts`;
 * - every `end` is a terminate end event;
 * - `escalate after D to X` is a non-interrupting timer boundary event leading to a user task
 *   for X (its team as candidate group, the person as assignee), which ends in a plain end event;
 * - owners, durations, systems and the SLA are documentation.
 *
 * The diagram interchange takes its places from the layout (`DiagramLayout`, the preview's
 * picture): tasks keep their layout box, events are 36×36 and gateways 50×50 placed in the gap
 * beside their node, and every flow's waypoints are the layout's route clipped or extended to the
 * outlines of the two shapes it connects.
 */
import type { DiagramEdge, DiagramNode, Escalation, WorkflowGraph } from '../protocol/graph-model.js';
import type { Box, DiagramLayout, Point } from '../protocol/diagram-layout.js';
import type { Arrival, MergeTree } from './bpmn-flow.js';
import type { LayoutOptions } from './layout.js';
import { flowStructure } from './bpmn-flow.js';
import type { VNode } from './vnode.js';
import { h, serialize } from './vnode.js';

const NS = {
    'xmlns:bpmn': 'http://www.omg.org/spec/BPMN/20100524/MODEL',
    'xmlns:bpmndi': 'http://www.omg.org/spec/BPMN/20100524/DI',
    'xmlns:dc': 'http://www.omg.org/spec/DD/20100524/DC',
    'xmlns:di': 'http://www.omg.org/spec/DD/20100524/DI',
    'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
    'xmlns:zeebe': 'http://camunda.org/schema/zeebe/1.0',
    'xmlns:modeler': 'http://camunda.org/schema/modeler/1.0',
};
/** The Camunda 8 version the file is written for (and checked against). */
export const CAMUNDA_VERSION = '8.8.0';

const EVENT = 36;
const GATEWAY = 50;
const TASK = { width: 100, height: 80 };
/** Between a node and a gateway placed beside it. */
const SPACE = 12;
const POOL_LABEL = 30;
/** The room kept between an escalation task and the lane's edge or the shapes around it. */
const LANE_MARGIN = 12;

/**
 * The layout a BPMN export is drawn from: between two layers there must be room for a fork after
 * the first node and a merge before the second, each a gateway `SPACE` away from its node.
 */
export const BPMN_LAYOUT: LayoutOptions = { minLayerGap: 2 * (SPACE + GATEWAY) + 2 * SPACE, compact: false };

type Shape = 'rect' | 'diamond' | 'circle';
type ElementType =
    | 'startEvent'
    | 'endEvent'
    | 'userTask'
    | 'serviceTask'
    | 'callActivity'
    | 'exclusiveGateway'
    | 'parallelGateway'
    | 'inclusiveGateway'
    | 'boundaryEvent';

interface Element {
    readonly id: string;
    readonly type: ElementType;
    readonly name?: string;
    readonly lane: string;
    /** Mutable: a lane grown to make room for an escalation moves what lies beyond it. */
    box: Box;
    readonly children: VNode[];
    readonly attrs?: Record<string, string | undefined>;
    readonly incoming: string[];
    readonly outgoing: string[];
    defaultFlow?: string;
}

interface Flow {
    readonly id: string;
    readonly from: string;
    readonly to: string;
    readonly name?: string;
    readonly condition?: string;
    readonly documentation?: string;
    /** The layout's route, for a transition; undefined for the short flows between a node and its gateways. */
    readonly route?: Point[];
}

const shapeOf = (type: ElementType): Shape => (type.endsWith('Gateway') ? 'diamond' : type.endsWith('Event') ? 'circle' : 'rect');

/** A FEEL string literal. */
const feelString = (text: string) => `"${text.replace(/[\\"]/g, character => `\\${character}`)}"`;

/** An ISO 8601 duration, as Zeebe timers read it. */
export function isoDuration(minutes: number): string {
    if (minutes > 0 && minutes % 1440 === 0) return `P${minutes / 1440}D`;
    if (minutes > 0 && minutes % 60 === 0) return `PT${minutes / 60}H`;
    return `PT${Math.max(1, minutes)}M`;
}

export function toBpmn(graph: WorkflowGraph, layout: DiagramLayout): string {
    return new BpmnWriter(graph, layout).write();
}

class BpmnWriter {
    private readonly elements = new Map<string, Element>();
    private readonly flows: Flow[] = [];
    private readonly along: Point;
    private readonly across: Point;
    private readonly boxes: Map<string, Box>;
    private readonly routes: Map<string, Point[]>;
    private readonly laneIds: Map<string, string>;
    /** Each lane's band in the layout, by BPMN lane id (grown where an escalation needs room). */
    private readonly bands: Map<string, Box>;
    private readonly structure: ReturnType<typeof flowStructure>;

    constructor(
        private readonly graph: WorkflowGraph,
        private readonly layout: DiagramLayout,
    ) {
        const horizontal = layout.direction === 'RIGHT';
        this.along = horizontal ? { x: 1, y: 0 } : { x: 0, y: 1 };
        this.across = horizontal ? { x: 0, y: 1 } : { x: 1, y: 0 };
        this.boxes = new Map(layout.nodes.map(node => [node.id, node]));
        // Copies: a lane grown for an escalation moves the points beyond it.
        this.routes = new Map(layout.edges.map(edge => [edge.id, edge.points.map(point => ({ ...point }))]));
        this.laneIds = new Map(graph.lanes.map((lane, index) => [lane.id, `Lane_${index + 1}`]));
        this.bands = new Map(
            layout.lanes.flatMap(lane => {
                const id = this.laneIds.get(lane.id);
                return id ? [[id, { x: lane.x, y: lane.y, width: lane.width, height: lane.height }] as const] : [];
            }),
        );
        this.structure = flowStructure(graph);
    }

    write(): string {
        const graph = this.graph;
        this.graph.nodes.forEach((node, index) => this.addNode(node, index));
        const exits = new Map(graph.nodes.map(node => [node.id, this.addExit(node)]));
        const entries = new Map<string, string>();
        for (const node of graph.nodes) {
            const tree = this.structure.merges.get(node.id);
            if (tree) this.addMerge(tree, `Node_${node.id}`, node.id, 0, 0, 1, entries);
        }
        const start = graph.nodes.find(node => node.start);
        if (start) {
            const entry = entries.get('start')!;
            const at = this.beside(this.elements.get(entry)!, -1, EVENT);
            this.add({
                id: 'StartEvent_1',
                type: 'startEvent',
                name: graph.trigger ?? 'Start',
                lane: this.elements.get(`Node_${start.id}`)!.lane,
                box: at,
                children: [],
            });
            this.connect('StartEvent_1', entry);
        }
        graph.edges.forEach(edge => this.addTransition(edge, exits.get(edge.from)!, entries.get(edge.id)!));
        graph.nodes.forEach(node => (node.escalations ?? []).forEach((escalation, index) => this.addEscalation(node, escalation, index)));
        return this.document();
    }

    private laneOf(node: DiagramNode): string {
        return this.laneIds.get(node.lane) ?? 'Lane_1';
    }

    private boxOf(node: DiagramNode, index: number): Box {
        return this.boxes.get(node.id) ?? { x: 200 + index * 160, y: 100, width: TASK.width, height: TASK.height };
    }

    private add(element: Omit<Element, 'incoming' | 'outgoing'>): Element {
        const full: Element = { ...element, incoming: [], outgoing: [] };
        this.elements.set(full.id, full);
        return full;
    }

    private connect(from: string, to: string, details: Omit<Flow, 'id' | 'from' | 'to'> = {}): Flow {
        const flow: Flow = { id: `Flow_${this.flows.length + 1}`, from, to, ...details };
        this.flows.push(flow);
        this.elements.get(from)!.outgoing.push(flow.id);
        this.elements.get(to)!.incoming.push(flow.id);
        return flow;
    }

    private addNode(node: DiagramNode, index: number): void {
        const box = this.boxOf(node, index);
        const text = details(node);
        const documentation = text ? h('bpmn:documentation', {}, text) : undefined;
        if (node.kind === 'end') {
            this.add({
                id: `Node_${node.id}`,
                type: 'endEvent',
                name: node.title ?? node.name,
                lane: this.laneOf(node),
                box: centred(box, EVENT, EVENT),
                children: [h('bpmn:terminateEventDefinition', { id: `Terminate_${node.id}` })],
            });
            return;
        }
        const team = node.lane;
        let type: ElementType = 'userTask';
        let extension: VNode[] = [h('zeebe:userTask'), h('zeebe:assignmentDefinition', { candidateGroups: team })];
        if (node.kind === 'step' && node.calls !== undefined) {
            type = 'callActivity';
            extension = [h('zeebe:calledElement', { processId: `Process_${node.calls}`, propagateAllChildVariables: 'false' })];
        } else if (node.kind === 'step' && node.automatedBy !== undefined) {
            type = 'serviceTask';
            extension = [h('zeebe:taskDefinition', { type: node.automatedBy })];
        }
        const decides = node.kind === 'decision' && this.graph.edges.filter(edge => edge.from === node.id).length > 1;
        this.add({
            id: `Node_${node.id}`,
            type,
            name: decides ? `Decide: ${node.title ?? node.name}` : (node.title ?? node.name),
            lane: this.laneOf(node),
            box,
            children: [...(documentation ? [documentation] : []), h('bpmn:extensionElements', {}, extension)],
        });
    }

    /** The element a node's transitions leave from: the node, or the gateway after it. */
    private addExit(node: DiagramNode): string {
        const id = `Node_${node.id}`;
        const count = this.graph.edges.filter(edge => edge.from === node.id).length;
        if (count < 2 || node.kind === 'end') return id;
        const host = this.elements.get(id)!;
        const gateway = this.add({
            id: node.kind === 'decision' ? `Gateway_${node.id}` : `Fork_${node.id}`,
            type: node.kind === 'decision' ? 'exclusiveGateway' : 'parallelGateway',
            name: node.kind === 'decision' ? (node.title ?? node.name) : undefined,
            lane: host.lane,
            box: this.beside(host, 1, GATEWAY),
            children: [],
        });
        this.connect(id, gateway.id);
        return gateway.id;
    }

    /**
     * The gateways of a merge tree, before `to`: records for each arrival the element it enters
     * (`entries`, by edge id or `start`). Nested gateways lie further back, side by side.
     */
    private addMerge(
        tree: MergeTree,
        to: string,
        nodeId: string,
        depth: number,
        slot: number,
        slots: number,
        entries: Map<string, string>,
    ): void {
        if (tree.kind === 'arrival') {
            entries.set(arrivalKey(tree.arrival), to);
            return;
        }
        const target = this.elements.get(to)!;
        const kind = { exclusive: 'Merge', parallel: 'Join', inclusive: 'Join' }[tree.kind];
        const id = `${kind}_${nodeId}${depth === 0 ? '' : `_${depth}_${slot + 1}`}`;
        const base = this.beside(target, -1, GATEWAY);
        const offset = (slot - (slots - 1) / 2) * (GATEWAY + SPACE);
        const box = depth === 0 ? base : translate(base, this.along, 0, this.across, offset);
        this.add({ id, type: `${tree.kind}Gateway`, lane: target.lane, box, children: [] });
        this.connect(id, to);
        const gates = tree.children.filter(child => child.kind !== 'arrival').length;
        let gateIndex = 0;
        for (const child of tree.children) {
            this.addMerge(child, id, nodeId, depth + 1, child.kind === 'arrival' ? 0 : gateIndex++, gates, entries);
        }
    }

    private addTransition(edge: DiagramEdge, from: string, to: string): void {
        const source = this.elements.get(from)!;
        const decision = source.type === 'exclusiveGateway' && source.id.startsWith('Gateway_');
        // Only a gateway's flows are labelled (BPMN labels the branches); a channel is documentation.
        const name = decision ? edge.label : undefined;
        const documentation = [edge.channel && `via ${edge.channel}`, edge.handoff && 'hand-off'].filter(Boolean).join(', ') || undefined;
        const condition = decision && !edge.otherwise && edge.label !== undefined ? `=${edge.from} = ${feelString(edge.label)}` : undefined;
        const flow = this.connect(from, to, { name, documentation, condition, route: this.routes.get(edge.id) });
        if (decision && edge.otherwise) source.defaultFlow = flow.id;
    }

    /**
     * The timer, the task for X and its end. The task is X's work, so it lies in the lane of X's
     * team when that team has one (the host's lane otherwise): on the side of the host facing that
     * lane, lined up with the timer, clear of the shapes already in the lane, which grows (moving
     * everything beyond it) when it has no room.
     */
    private addEscalation(node: DiagramNode, escalation: Escalation, index: number): void {
        const host = this.elements.get(`Node_${node.id}`)!;
        if (host.type === 'endEvent') return;
        const suffix = `${node.id}_${index + 1}`;
        const { lane, side } = this.escalationLane(host, escalation);
        // On the host's edge facing the lane, from its far corner back, the escalations on one
        // edge side by side (closer together where the edge is short, so all stay on it).
        const sides = (node.escalations ?? []).map(other => this.escalationLane(host, other).side);
        const slot = sides.slice(0, index).filter(other => other === side).length;
        const onEdge = sides.filter(other => other === side).length;
        const half = alongHalf(host.box, this.along);
        const step = onEdge > 1 ? Math.min(46, Math.max(0, 2 * half - 26 - EVENT / 2) / (onEdge - 1)) : 0;
        const edgeCentre = add(centre(host.box), scale(this.across, side * crossHalf(host.box, this.across)));
        const along = add(edgeCentre, scale(this.along, half - 26 - slot * step));
        const band = this.bands.get(lane);
        const boundary = this.add({
            id: `Escalation_${suffix}`,
            type: 'boundaryEvent',
            name: `after ${escalation.after}`,
            lane: host.lane,
            box: { x: along.x - EVENT / 2, y: along.y - EVENT / 2, width: EVENT, height: EVENT },
            attrs: { attachedToRef: host.id, cancelActivity: 'false' },
            children: [
                h('bpmn:timerEventDefinition', { id: `Timer_${suffix}` }, [
                    h('bpmn:timeDuration', { 'xsi:type': 'bpmn:tFormalExpression' }, isoDuration(escalation.minutes)),
                ]),
            ],
        });
        const taskCentre = add(centre(boundary.box), scale(this.across, side * (EVENT / 2 + 30 + TASK.height / 2)));
        let taskBox: Box = { x: taskCentre.x - TASK.width / 2, y: taskCentre.y - TASK.height / 2, ...TASK };
        const endAt = (box: Box): Box => {
            const at = add(centre(box), scale(this.along, alongHalf(box, this.along) + 30 + EVENT / 2));
            return { x: at.x - EVENT / 2, y: at.y - EVENT / 2, width: EVENT, height: EVENT };
        };
        if (band) taskBox = this.placeInLane(lane, taskBox, endAt, side);
        const task = this.add({
            id: `EscalationTask_${suffix}`,
            type: 'userTask',
            name: `Escalated: ${node.title ?? node.name}`,
            lane,
            box: taskBox,
            children: [
                h('bpmn:documentation', {}, `Escalated to ${escalation.to} after ${escalation.after} on ${node.name}`),
                h('bpmn:extensionElements', {}, [
                    h('zeebe:userTask'),
                    h('zeebe:assignmentDefinition', {
                        candidateGroups: escalation.team,
                        assignee: escalation.person,
                    }),
                ]),
            ],
        });
        const end = this.add({
            id: `EscalationEnd_${suffix}`,
            type: 'endEvent',
            name: 'Escalation handled',
            lane,
            box: endAt(task.box),
            children: [],
        });
        this.connect(boundary.id, task.id);
        this.connect(task.id, end.id);
    }

    /** The lane of an escalation's task, and the side of the host facing it across the flow. */
    private escalationLane(host: Element, escalation: Escalation): { lane: string; side: 1 | -1 } {
        const lane = escalation.team !== undefined ? (this.laneIds.get(escalation.team) ?? host.lane) : host.lane;
        const [band, hostBand] = [this.bands.get(lane), this.bands.get(host.lane)];
        // Below or right of the host; above or left when the lane lies there.
        const side = band && hostBand && acrossOf(band, this.across) < acrossOf(hostBand, this.across) ? -1 : 1;
        return { lane, side };
    }

    /**
     * Moves an escalation task (and the end after it) across the flow into free room of the lane:
     * nearest the host first; past the shapes in its way; and, failing that, at the lane's far
     * end, which grows by what is missing.
     */
    private placeInLane(lane: string, wanted: Box, endAt: (box: Box) => Box, side: 1 | -1): Box {
        const across = this.across;
        const band = this.bands.get(lane)!;
        const [start, end] = [acrossOf(band, across), acrossOf(band, across) + acrossSize(band, across)];
        const size = acrossSize(wanted, across);
        const at = (position: number): Box => moveAcross(wanted, across, position - acrossOf(wanted, across));
        // The shapes in the way of the task and its end at a position, with room around them.
        const blocking = (position: number) => {
            const task = at(position);
            const reach = [task, endAt(task)];
            return [...this.elements.values()].filter(element => reach.some(box => overlaps(grow(element.box, LANE_MARGIN), box)));
        };
        const within = (position: number) => position >= start + LANE_MARGIN && position + size <= end - LANE_MARGIN;
        let position =
            side === 1
                ? Math.max(acrossOf(wanted, across), start + LANE_MARGIN)
                : Math.min(acrossOf(wanted, across), end - LANE_MARGIN - size);
        for (let found = blocking(position); found.length > 0 && within(position); found = blocking(position)) {
            position =
                side === 1
                    ? Math.max(...found.map(element => acrossOf(element.box, across) + acrossSize(element.box, across))) + LANE_MARGIN
                    : Math.min(...found.map(element => acrossOf(element.box, across))) - LANE_MARGIN - size;
        }
        if (within(position) && blocking(position).length === 0) return at(position);
        // No room: after everything in the lane in the task's way, at the lane's far end.
        const inLane = [...this.elements.values()].filter(element => element.lane === lane);
        const last = Math.max(
            start,
            ...inLane
                .filter(element => overlapsAlong(element.box, [at(start), endAt(at(start))], this.along, LANE_MARGIN))
                .map(element => acrossOf(element.box, across) + acrossSize(element.box, across)),
        );
        position = side === 1 ? Math.max(acrossOf(wanted, across), last + LANE_MARGIN) : last + LANE_MARGIN;
        this.growLane(lane, position + size + LANE_MARGIN - end);
        return at(position);
    }

    /** Widens a lane's band across the flow by `extra`, moving the lanes, shapes and routes beyond it. */
    private growLane(lane: string, extra: number): void {
        if (extra <= 0) return;
        const across = this.across;
        const band = this.bands.get(lane)!;
        const edge = acrossOf(band, across) + acrossSize(band, across);
        for (const [id, other] of this.bands) {
            if (id === lane)
                this.bands.set(id, across.x !== 0 ? { ...other, width: other.width + extra } : { ...other, height: other.height + extra });
            else if (acrossOf(other, across) >= edge - 0.5) this.bands.set(id, moveAcross(other, across, extra));
        }
        // A boundary event moves with the step it is attached to, whichever lane its circle reaches into.
        const beyond = (element: Element) => acrossOf(element.box, across) >= edge - 0.5;
        const moving = [...this.elements.values()].filter(element => {
            const host = element.attrs?.attachedToRef;
            return beyond(host !== undefined ? (this.elements.get(host) ?? element) : element);
        });
        for (const element of moving) element.box = moveAcross(element.box, across, extra);
        const moved = new Set<Point[]>();
        for (const points of [...this.routes.values(), ...this.flows.flatMap(flow => (flow.route ? [flow.route] : []))]) {
            if (moved.has(points)) continue;
            moved.add(points);
            for (const point of points) {
                if (across.x !== 0 ? point.x >= edge - 0.5 : point.y >= edge - 0.5) {
                    if (across.x !== 0) point.x += extra;
                    else point.y += extra;
                }
            }
        }
    }

    /** A square of `size` beside an element along the flow: after it (`side` 1) or before it (-1). */
    private beside(element: Element, side: 1 | -1, size: number): Box {
        const at = add(centre(element.box), scale(this.along, side * (alongHalf(element.box, this.along) + SPACE + size / 2)));
        return { x: at.x - size / 2, y: at.y - size / 2, width: size, height: size };
    }

    private document(): string {
        const graph = this.graph;
        const processId = `Process_${graph.workflow}`;
        const elements = [...this.elements.values()];
        const lanes = graph.lanes.map(lane =>
            h(
                'bpmn:lane',
                { id: this.laneIds.get(lane.id)!, name: lane.label },
                elements
                    .filter(element => element.lane === this.laneIds.get(lane.id))
                    .map(element => h('bpmn:flowNodeRef', {}, element.id)),
            ),
        );
        const nodes = elements.map(element =>
            h(`bpmn:${element.type}`, { id: element.id, name: element.name, ...element.attrs, default: element.defaultFlow }, [
                ...element.children.filter(child => child.tag === 'bpmn:documentation' || child.tag === 'bpmn:extensionElements'),
                ...element.incoming.map(id => h('bpmn:incoming', {}, id)),
                ...element.outgoing.map(id => h('bpmn:outgoing', {}, id)),
                ...element.children.filter(child => child.tag !== 'bpmn:documentation' && child.tag !== 'bpmn:extensionElements'),
            ]),
        );
        const flows = this.flows.map(flow =>
            h('bpmn:sequenceFlow', { id: flow.id, name: flow.name, sourceRef: flow.from, targetRef: flow.to }, [
                flow.documentation !== undefined ? h('bpmn:documentation', {}, flow.documentation) : undefined,
                flow.condition !== undefined
                    ? h('bpmn:conditionExpression', { 'xsi:type': 'bpmn:tFormalExpression' }, flow.condition)
                    : undefined,
            ]),
        );
        const about = [
            graph.owner && `Owner: ${graph.owner}`,
            graph.sla && `SLA: ${graph.sla.text}`,
            graph.trigger && `Trigger: ${graph.trigger}`,
        ]
            .filter(Boolean)
            .join('\n');
        const process = h('bpmn:process', { id: processId, name: graph.title ?? graph.workflow, isExecutable: 'true' }, [
            about ? h('bpmn:documentation', {}, about) : undefined,
            h('bpmn:laneSet', { id: 'LaneSet_1' }, lanes),
            ...nodes,
            ...flows,
        ]);
        const definitions = h(
            'bpmn:definitions',
            {
                ...NS,
                id: 'Definitions_1',
                targetNamespace: 'urn:workflow-architect',
                exporter: 'Workflow Architect',
                exporterVersion: '1',
                'modeler:executionPlatform': 'Camunda Cloud',
                'modeler:executionPlatformVersion': CAMUNDA_VERSION,
            },
            [
                h('bpmn:collaboration', { id: 'Collaboration_1' }, [
                    h('bpmn:participant', { id: 'Participant_1', name: graph.title ?? graph.workflow, processRef: processId }),
                ]),
                process,
                this.diagram(elements),
            ],
        );
        return `<?xml version="1.0" encoding="UTF-8"?>\n${serialize(definitions)}\n`;
    }

    private diagram(elements: Element[]): VNode {
        const horizontal = this.layout.direction === 'RIGHT';
        const lanes = this.layout.lanes.map(lane => ({ ...lane, ...this.bands.get(this.laneIds.get(lane.id) ?? '') }));
        const all = [...lanes, ...elements.map(element => element.box)];
        const pool =
            all.length > 0
                ? {
                      x: Math.min(...all.map(b => b.x)),
                      y: Math.min(...all.map(b => b.y)),
                      width: Math.max(...all.map(b => b.x + b.width)) - Math.min(...all.map(b => b.x)),
                      height: Math.max(...all.map(b => b.y + b.height)) - Math.min(...all.map(b => b.y)),
                  }
                : { x: 0, y: 0, width: this.layout.width, height: this.layout.height };
        const shapes: Array<VNode | undefined> = [
            h('bpmndi:BPMNShape', { id: 'Participant_1_di', bpmnElement: 'Participant_1', isHorizontal: String(horizontal) }, [
                bounds(pool),
            ]),
            ...lanes.map(lane => {
                const id = this.laneIds.get(lane.id);
                if (!id) return undefined;
                const box = horizontal
                    ? { ...lane, x: lane.x + POOL_LABEL, width: lane.width - POOL_LABEL }
                    : { ...lane, y: lane.y + POOL_LABEL, height: lane.height - POOL_LABEL };
                return h('bpmndi:BPMNShape', { id: `${id}_di`, bpmnElement: id, isHorizontal: String(horizontal) }, [bounds(box)]);
            }),
            ...elements.map(element =>
                h(
                    'bpmndi:BPMNShape',
                    {
                        id: `${element.id}_di`,
                        bpmnElement: element.id,
                        isMarkerVisible: element.type === 'exclusiveGateway' ? 'true' : undefined,
                    },
                    [bounds(roundBox(element.box))],
                ),
            ),
        ];
        const edges = this.flows.map(flow => {
            const from = this.elements.get(flow.from)!;
            const to = this.elements.get(flow.to)!;
            const points = flowWaypoints(flow.route, outline(from), outline(to), this.along);
            return h(
                'bpmndi:BPMNEdge',
                { id: `${flow.id}_di`, bpmnElement: flow.id },
                points.map(p => h('di:waypoint', { x: round1(p.x), y: round1(p.y) })),
            );
        });
        return h('bpmndi:BPMNDiagram', { id: 'BPMNDiagram_1' }, [
            h('bpmndi:BPMNPlane', { id: 'BPMNPlane_1', bpmnElement: 'Collaboration_1' }, [...shapes, ...edges]),
        ]);
    }
}

const arrivalKey = (arrival: Arrival) => (arrival.kind === 'start' ? 'start' : arrival.edge.id);

function details(node: DiagramNode): string {
    return [
        node.owner && `Owner: ${node.owner}`,
        node.duration && `Duration: ${node.duration}`,
        node.systems.length > 0 && `Uses: ${node.systems.join(', ')}`,
        node.automatedBy && `Automated by: ${node.automatedBy}`,
        node.calls && `Calls: ${node.calls}`,
        node.kind === 'decision' && `Decision: sets the process variable ${node.name} to the text of the branch taken`,
        ...(node.escalations ?? []).map(escalation => `Escalate after ${escalation.after} to ${escalation.to}`),
    ]
        .filter(Boolean)
        .join('\n');
}

// Geometry -----------------------------------------------------------------------------------

export interface Outline {
    readonly shape: Shape;
    readonly box: Box;
}

const outline = (element: Element): Outline => ({ shape: shapeOf(element.type), box: roundBox(element.box) });
const centre = (box: Box): Point => ({ x: box.x + box.width / 2, y: box.y + box.height / 2 });
const add = (a: Point, b: Point): Point => ({ x: a.x + b.x, y: a.y + b.y });
const scale = (a: Point, k: number): Point => ({ x: a.x * k, y: a.y * k });
const alongHalf = (box: Box, along: Point) => (along.x !== 0 ? box.width : box.height) / 2;
const crossHalf = (box: Box, across: Point) => (across.x !== 0 ? box.width : box.height) / 2;
const centred = (box: Box, width: number, height: number): Box => ({
    x: box.x + (box.width - width) / 2,
    y: box.y + (box.height - height) / 2,
    width,
    height,
});
const translate = (box: Box, along: Point, a: number, across: Point, c: number): Box => ({
    ...box,
    x: box.x + along.x * a + across.x * c,
    y: box.y + along.y * a + across.y * c,
});
const acrossOf = (box: Box, across: Point) => (across.x !== 0 ? box.x : box.y);
const acrossSize = (box: Box, across: Point) => (across.x !== 0 ? box.width : box.height);
const moveAcross = (box: Box, across: Point, by: number): Box => ({ ...box, x: box.x + across.x * by, y: box.y + across.y * by });
const grow = (box: Box, by: number): Box => ({ x: box.x - by, y: box.y - by, width: box.width + 2 * by, height: box.height + 2 * by });
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
/** Whether a box overlaps any of `boxes` in its extent along the flow (with a margin). */
const overlapsAlong = (box: Box, boxes: Box[], along: Point, margin: number) =>
    boxes.some(other =>
        along.x !== 0
            ? box.x - margin < other.x + other.width && other.x < box.x + box.width + margin
            : box.y - margin < other.y + other.height && other.y < box.y + box.height + margin,
    );
const round = Math.round;
const round1 = (value: number) => Math.round(value * 10) / 10;
const roundBox = (box: Box): Box => ({ x: round(box.x), y: round(box.y), width: round(box.width), height: round(box.height) });

function bounds(box: Box): VNode {
    return h('dc:Bounds', { x: round(box.x), y: round(box.y), width: round(box.width), height: round(box.height) });
}

/** How far a point lies inside an outline: at most 1 inside, more than 1 outside. */
export function outlineMeasure({ shape, box }: Outline, point: Point): number {
    const dx = Math.abs(point.x - (box.x + box.width / 2)) / (box.width / 2);
    const dy = Math.abs(point.y - (box.y + box.height / 2)) / (box.height / 2);
    if (shape === 'rect') return Math.max(dx, dy);
    if (shape === 'diamond') return dx + dy;
    return Math.hypot(dx, dy);
}

const inside = (shape: Outline, point: Point) => outlineMeasure(shape, point) <= 1;

/** The point where the way from `from` (outside) to `to` (inside) crosses the outline. */
function crossing(shape: Outline, from: Point, to: Point): Point {
    let [lo, hi] = [0, 1];
    for (let i = 0; i < 40; i++) {
        const mid = (lo + hi) / 2;
        if (inside(shape, lerp(from, to, mid))) hi = mid;
        else lo = mid;
    }
    return lerp(from, to, hi);
}

const lerp = (a: Point, b: Point, t: number): Point => ({ x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t });

/**
 * A polyline cut where it first enters the outline; if it never does, cut at its point nearest
 * the outline's centre and continued from there straight onto the outline.
 */
function clipEnd(points: Point[], shape: Outline): Point[] {
    const c = centre(shape.box);
    for (let i = 0; i + 1 < points.length; i++) {
        const [a, b] = [points[i], points[i + 1]];
        if (inside(shape, a)) {
            if (i === 0) continue;
            return [...points.slice(0, i), crossing(shape, points[i - 1], a)];
        }
        for (let s = 1; s <= 64; s++) {
            const p = lerp(a, b, s / 64);
            if (inside(shape, p)) return [...points.slice(0, i + 1), crossing(shape, a, p)];
        }
    }
    let best = { distance: Infinity, index: 0, point: points[points.length - 1] };
    for (let i = 0; i + 1 < points.length; i++) {
        const p = nearestOnSegment(points[i], points[i + 1], c);
        const distance = Math.hypot(p.x - c.x, p.y - c.y);
        if (distance < best.distance - 1e-9) best = { distance, index: i, point: p };
    }
    const kept = [...points.slice(0, best.index + 1), best.point];
    return [...kept, crossing(shape, best.point, c)];
}

function nearestOnSegment(a: Point, b: Point, p: Point): Point {
    const length = (b.x - a.x) ** 2 + (b.y - a.y) ** 2;
    if (length === 0) return a;
    const t = Math.max(0, Math.min(1, ((p.x - a.x) * (b.x - a.x) + (p.y - a.y) * (b.y - a.y)) / length));
    return lerp(a, b, t);
}

/**
 * The waypoints of a flow between two shapes: the layout's route (or, for the short flows
 * between a node and its gateways, a straight or once-bent line between the centres) starting on
 * the source's outline and ending on the target's.
 */
export function flowWaypoints(route: Point[] | undefined, from: Outline, to: Outline, along: Point): Point[] {
    const [a, b] = [centre(from.box), centre(to.box)];
    let points: Point[];
    if (route && route.length >= 2) {
        points = dedupe(route);
    } else if (Math.abs((b.x - a.x) * along.y - (b.y - a.y) * along.x) < 1) {
        points = [a, b];
    } else {
        // Leave along the flow, turn once across it, arrive along the flow.
        const turn =
            along.x !== 0
                ? [
                      { x: (a.x + b.x) / 2, y: a.y },
                      { x: (a.x + b.x) / 2, y: b.y },
                  ]
                : [
                      { x: a.x, y: (a.y + b.y) / 2 },
                      { x: b.x, y: (a.y + b.y) / 2 },
                  ];
        points = [a, ...turn, b];
    }
    if (points.length < 2) points = [a, b];
    const ended = clipEnd(points, to);
    const started = clipEnd([...ended].reverse(), from).reverse();
    return dedupe(started);
}

function dedupe(points: Point[]): Point[] {
    return points.filter((p, i) => i === 0 || Math.hypot(p.x - points[i - 1].x, p.y - points[i - 1].y) > 0.05);
}
