/**
 * `render --format json` against its published JSON Schema (schemas/graph.schema.json), read with
 * ajv, for every workflow of the examples; and what the schema cannot say: paths relative to the
 * current folder, 1-based positions that point at the names, default and rework edges.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { exampleWorkflows } from '../example-workflows.js';
import { runCli as run } from './run-cli.js';

const require = createRequire(import.meta.url);
const Ajv = (
    require('ajv') as {
        default: new (options: object) => { compile(schema: object): ((data: unknown) => boolean) & { errors?: unknown[] | null } };
    }
).default;
const SCHEMA = JSON.parse(fs.readFileSync('schemas/graph.schema.json', 'utf8')) as { $id: string };

interface Range {
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
}
interface Json {
    version: number;
    file: string;
    workflow: string;
    trigger?: string;
    nodes: Array<{
        id: string;
        name: string;
        nameRange: Range;
        range: Range;
        escalations: Array<{ after: string; minutes: number; to: string; team?: string; person?: string }>;
    }>;
    edges: Array<{ from: string; to: string; label?: string; default?: true; back?: true }>;
}

function json(file: string, workflow: string, cwd?: string): Json {
    const result = run(['render', file, '--workflow', workflow, '--format', 'json'], cwd);
    assert.equal(result.code, 0, result.stderr);
    return JSON.parse(result.stdout) as Json;
}

describe('workflow-architect render --format json', function () {
    this.timeout(60_000);
    const validate = new Ajv({ allErrors: true, strict: true }).compile(SCHEMA);

    it('publishes a schema with an $id', () => {
        assert.match(SCHEMA.$id, /^urn:workflow-architect:/);
    });

    for (const [file, workflow] of exampleWorkflows()) {
        it(`writes ${workflow} of ${file} as the schema describes it`, () => {
            const graph = json(file, workflow);
            assert.ok(validate(graph), JSON.stringify(validate.errors, undefined, 2));
            assert.equal(graph.version, 1);
            assert.equal(graph.file, file);
            const lines = fs.readFileSync(file, 'utf8').split('\n');
            for (const node of graph.nodes) {
                const { line, column, endColumn } = node.nameRange;
                assert.equal(lines[line - 1].slice(column - 1, endColumn - 1), node.name, `the 1-based name range of ${node.id}`);
                assert.match(lines[node.range.line - 1].slice(node.range.column - 1), /^(step|decision|end)\b/);
            }
        });
    }

    it('gives the file relative to the current folder, wherever that is', () => {
        const graph = json('purchase-to-pay.workflow', 'PurchaseToPay', path.resolve('examples'));
        assert.equal(graph.file, 'purchase-to-pay.workflow');
    });

    it('marks the otherwise branch as the default and rework loops as back edges, with the trigger and the escalations', () => {
        const graph = json('examples/purchase-to-pay.workflow', 'PurchaseToPay');
        assert.deepEqual(
            graph.edges.filter(edge => edge.default).map(edge => `${edge.from}->${edge.to}`),
            ['Approve->Rejected', 'Match->Clarify'],
        );
        assert.deepEqual(
            graph.edges.filter(edge => edge.back).map(edge => `${edge.from}->${edge.to}`),
            ['Clarify->Match'],
        );
        assert.equal(graph.trigger, 'An employee needs goods or services');
        const approve = graph.nodes.find(node => node.id === 'Approve')!;
        assert.deepEqual(approve.escalations, [
            { after: '1d', minutes: 1440, to: 'Procurement.maya', team: 'Procurement', person: 'maya' },
        ]);
        const onboarding = json('examples/onboarding.workflow', 'Onboarding');
        assert.deepEqual(
            onboarding.edges.filter(edge => edge.back).map(edge => `${edge.from}->${edge.to}`),
            ['Negotiate->LegalCheck'],
        );
        assert.deepEqual(onboarding.nodes.find(node => node.id === 'LegalCheck')!.escalations, [
            { after: '2d', minutes: 2880, to: 'Legal', team: 'Legal' },
        ]);
    });
});
