/**
 * BPMN 2.0 XML of a workflow graph, so a design can move on to a process engine or modeller:
 * one pool, one lane per team, user tasks (service tasks when automated, call activities for
 * `calls`), exclusive gateways for decisions with conditions on their flows and `otherwise` as the
 * default flow, end events, a start event before the first node, and diagram interchange (DI)
 * taken from the preview's layout, so modellers show the same picture.
 */
import type { DiagramNode, WorkflowGraph } from '../protocol/graph-model.js';
import type { DiagramLayout, LaidOutNode, Point } from '../protocol/diagram-layout.js';
import type { VNode } from './vnode.js';
import { h, serialize } from './vnode.js';

const NS = {
    'xmlns:bpmn': 'http://www.omg.org/spec/BPMN/20100524/MODEL',
    'xmlns:bpmndi': 'http://www.omg.org/spec/BPMN/20100524/DI',
    'xmlns:dc': 'http://www.omg.org/spec/DD/20100524/DC',
    'xmlns:di': 'http://www.omg.org/spec/DD/20100524/DI',
    'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
};

const START_SIZE = 36;
const POOL_LABEL = 30;

const nodeId = (id: string) => `Node_${id}`;
const flowId = (index: number) => `Flow_${index + 1}`;
const laneId = (index: number) => `Lane_${index + 1}`;

function elementFor(node: DiagramNode): string {
    if (node.kind === 'decision') return 'bpmn:exclusiveGateway';
    if (node.kind === 'end') return 'bpmn:endEvent';
    if (node.calls !== undefined) return 'bpmn:callActivity';
    return node.automatedBy !== undefined ? 'bpmn:serviceTask' : 'bpmn:userTask';
}

export function toBpmn(graph: WorkflowGraph, layout: DiagramLayout): string {
    const processId = `Process_${graph.workflow}`;
    const start = graph.nodes.find(node => node.start);
    const flows = graph.edges.map((edge, index) => ({ edge, id: flowId(index) }));
    const startFlow = start ? { id: 'Flow_start', from: 'StartEvent_1', to: nodeId(start.id) } : undefined;
    const incoming = (id: string) => [...flows.filter(f => f.edge.to === id).map(f => f.id), ...(startFlow && start?.id === id ? [startFlow.id] : [])];
    const outgoing = (id: string) => flows.filter(f => f.edge.from === id).map(f => f.id);

    const lanes = graph.lanes.map((lane, index) => h('bpmn:lane', { id: laneId(index), name: lane.label }, [
        ...(start && start.lane === lane.id ? [h('bpmn:flowNodeRef', {}, 'StartEvent_1')] : []),
        ...graph.nodes.filter(node => node.lane === lane.id).map(node => h('bpmn:flowNodeRef', {}, nodeId(node.id))),
    ]));

    const nodes = graph.nodes.map(node => {
        const defaultFlow = node.kind === 'decision' ? flows.find(f => f.edge.from === node.id && f.edge.label === 'otherwise')?.id : undefined;
        const details = [node.owner && `Owner: ${node.owner}`, node.duration && `Duration: ${node.duration}`,
            node.systems.length > 0 && `Uses: ${node.systems.join(', ')}`, node.automatedBy && `Automated by: ${node.automatedBy}`].filter(Boolean).join('\n');
        return h(elementFor(node), {
            id: nodeId(node.id), name: node.title ?? node.name, default: defaultFlow,
            calledElement: node.calls !== undefined ? `Process_${node.calls}` : undefined,
        }, [
            details ? h('bpmn:documentation', {}, details) : undefined,
            ...incoming(node.id).map(id => h('bpmn:incoming', {}, id)),
            ...outgoing(node.id).map(id => h('bpmn:outgoing', {}, id)),
        ]);
    });

    const sequenceFlows = flows.map(({ edge, id }) => {
        const name = [edge.label, edge.channel && `via ${edge.channel}`].filter(Boolean).join(' · ') || undefined;
        const condition = edge.label !== undefined && edge.label !== 'otherwise'
            ? h('bpmn:conditionExpression', { 'xsi:type': 'bpmn:tFormalExpression' }, edge.label) : undefined;
        return h('bpmn:sequenceFlow', { id, name, sourceRef: nodeId(edge.from), targetRef: nodeId(edge.to) }, [condition]);
    });

    const process = h('bpmn:process', { id: processId, name: graph.title ?? graph.workflow, isExecutable: 'false' }, [
        h('bpmn:laneSet', { id: 'LaneSet_1' }, lanes),
        start ? h('bpmn:startEvent', { id: 'StartEvent_1', name: 'Start' }, [h('bpmn:outgoing', {}, 'Flow_start')]) : undefined,
        ...nodes,
        startFlow ? h('bpmn:sequenceFlow', { id: startFlow.id, sourceRef: startFlow.from, targetRef: startFlow.to }) : undefined,
        ...sequenceFlows,
    ]);

    const definitions = h('bpmn:definitions', { ...NS, id: 'Definitions_1', targetNamespace: 'urn:workflow-architect', exporter: 'Workflow Architect' }, [
        h('bpmn:collaboration', { id: 'Collaboration_1' }, [h('bpmn:participant', { id: 'Participant_1', name: graph.title ?? graph.workflow, processRef: processId })]),
        process,
        diagram(graph, layout, flows.map(f => f.id), start),
    ]);
    return `<?xml version="1.0" encoding="UTF-8"?>\n${serialize(definitions)}\n`;
}

function diagram(graph: WorkflowGraph, layout: DiagramLayout, flowIds: string[], start: DiagramNode | undefined): VNode {
    const horizontal = layout.direction === 'RIGHT';
    const bounds = (box: { x: number; y: number; width: number; height: number }) =>
        h('dc:Bounds', { x: round(box.x), y: round(box.y), width: round(box.width), height: round(box.height) });
    const boxes = new Map(layout.nodes.map(node => [node.id, node]));
    const pool = layout.lanes.length > 0 ? {
        x: Math.min(...layout.lanes.map(l => l.x)), y: Math.min(...layout.lanes.map(l => l.y)),
        width: Math.max(...layout.lanes.map(l => l.x + l.width)) - Math.min(...layout.lanes.map(l => l.x)),
        height: Math.max(...layout.lanes.map(l => l.y + l.height)) - Math.min(...layout.lanes.map(l => l.y)),
    } : { x: 0, y: 0, width: layout.width, height: layout.height };
    const startBox = start && boxes.get(start.id) ? startBounds(boxes.get(start.id)!, horizontal) : undefined;
    const shapes: VNode[] = [
        h('bpmndi:BPMNShape', { id: 'Participant_1_di', bpmnElement: 'Participant_1', isHorizontal: String(horizontal) }, [bounds(pool)]),
        ...layout.lanes.map((lane, index) => h('bpmndi:BPMNShape', { id: `${laneId(index)}_di`, bpmnElement: laneId(index), isHorizontal: String(horizontal) }, [
            bounds(horizontal ? { ...lane, x: lane.x + POOL_LABEL, width: lane.width - POOL_LABEL } : { ...lane, y: lane.y + POOL_LABEL, height: lane.height - POOL_LABEL }),
        ])),
        ...(startBox ? [h('bpmndi:BPMNShape', { id: 'StartEvent_1_di', bpmnElement: 'StartEvent_1' }, [bounds(startBox)])] : []),
        ...graph.nodes.filter(node => boxes.has(node.id)).map(node => {
            const box = boxes.get(node.id)!;
            const shape = node.kind === 'end' ? eventBounds(box, horizontal) : box;
            return h('bpmndi:BPMNShape', { id: `${nodeId(node.id)}_di`, bpmnElement: nodeId(node.id) }, [bounds(shape)]);
        }),
    ];
    const routes = new Map(layout.edges.map(edge => [edge.id, edge]));
    const kinds = new Map(graph.nodes.map(node => [node.id, node.kind]));
    const edges = graph.edges.map((edge, index) => {
        const route = routes.get(edge.id);
        const target = boxes.get(edge.to);
        const points = route && target && kinds.get(edge.to) === 'end' ? intoEvent(route.points, eventBounds(target, horizontal), horizontal) : route?.points ?? [];
        return h('bpmndi:BPMNEdge', { id: `${flowIds[index]}_di`, bpmnElement: flowIds[index] },
            points.map(point => h('di:waypoint', { x: round(point.x), y: round(point.y) })));
    });
    if (startBox && start && boxes.get(start.id)) {
        const target = boxes.get(start.id)!;
        const from = horizontal ? { x: startBox.x + START_SIZE, y: startBox.y + START_SIZE / 2 } : { x: startBox.x + START_SIZE / 2, y: startBox.y + START_SIZE };
        const to = horizontal ? { x: target.x, y: target.y + target.height / 2 } : { x: target.x + target.width / 2, y: target.y };
        edges.push(h('bpmndi:BPMNEdge', { id: 'Flow_start_di', bpmnElement: 'Flow_start' }, [from, to].map(p => h('di:waypoint', { x: round(p.x), y: round(p.y) }))));
    }
    return h('bpmndi:BPMNDiagram', { id: 'BPMNDiagram_1' }, [h('bpmndi:BPMNPlane', { id: 'BPMNPlane_1', bpmnElement: 'Collaboration_1' }, [...shapes, ...edges])]);
}

/** A start event just before the first node, in its lane. */
function startBounds(first: LaidOutNode, horizontal: boolean) {
    return horizontal
        ? { x: first.x - START_SIZE - 24, y: first.y + first.height / 2 - START_SIZE / 2, width: START_SIZE, height: START_SIZE }
        : { x: first.x + first.width / 2 - START_SIZE / 2, y: first.y - START_SIZE - 24, width: START_SIZE, height: START_SIZE };
}

/**
 * BPMN events are circles: the end's pill becomes a circle of its smaller side, at the pill's
 * near side (where the flows arrive) and centred across the flow.
 */
function eventBounds(box: LaidOutNode, horizontal: boolean) {
    const size = Math.min(box.width, box.height);
    return horizontal
        ? { x: box.x, y: box.y + (box.height - size) / 2, width: size, height: size }
        : { x: box.x + (box.width - size) / 2, y: box.y, width: size, height: size };
}

/**
 * A flow's waypoints brought onto an end event's circle: the layout ends them on the pill, which
 * is longer; the last run along the flow is kept and ends where it meets the circle, moved
 * towards the centre first when it would pass beside the circle.
 */
function intoEvent(points: readonly Point[], circle: { x: number; y: number; width: number; height: number }, horizontal: boolean): Point[] {
    if (points.length < 2) return [...points];
    const r = circle.width / 2;
    const centre = { x: circle.x + r, y: circle.y + r };
    // In the flow's terms: main along it, cross across it.
    const main = (p: Point) => horizontal ? p.x : p.y;
    const cross = (p: Point) => horizontal ? p.y : p.x;
    const point = (m: number, c: number): Point => horizontal ? { x: m, y: c } : { x: c, y: m };
    const last = points[points.length - 1];
    const before = points[points.length - 2];
    const result = points.slice(0, -1).map(p => ({ ...p }));
    const reach = r * 0.8;
    let at = cross(last);
    const offset = at - cross(centre);
    if (Math.abs(offset) > reach) {
        // Turn towards the circle halfway along the last run, then arrive on it.
        at = cross(centre) + Math.sign(offset) * reach;
        const turn = (main(before) + Math.min(main(last), main(centre) - r)) / 2;
        result.push(point(turn, cross(last)), point(turn, at));
    }
    const meet = main(centre) - Math.sqrt(r * r - (at - cross(centre)) ** 2);
    result.push(point(meet, at));
    return result;
}

function round(value: number): number {
    return Math.round(value);
}
