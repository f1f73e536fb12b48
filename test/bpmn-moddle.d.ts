// bpmn-moddle ships no types; the tests use the few members they read.
declare module 'bpmn-moddle' {
    export class BpmnModdle {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        fromXML(xml: string): Promise<{ rootElement: any; warnings: Array<{ message: string }> }>;
    }
}
