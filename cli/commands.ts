/**
 * The commands of `workflow-architect` and their options, one line per option; `main.ts` runs
 * them, `arguments.ts` parses and explains them.
 */
import type { CommandTable, OptionValues } from './arguments.js';

export const COMMANDS = {
    validate: {
        summary: 'Check workflow files and print their diagnostics; exit 1 on errors.',
        operand: {
            name: 'PATH',
            many: true,
            description: 'files or folders (searched recursively for *.workflow), loaded as one workspace',
        },
        options: {
            format: {
                type: 'string',
                choices: ['text', 'json'],
                default: 'text',
                description: 'text: file:line:column severity code message; json: one report',
            },
        },
    },
    render: {
        summary: 'Draw one workflow as SVG, a Mermaid flowchart, BPMN 2.0 or the graph model as JSON.',
        operand: { name: 'FILE', description: 'a .workflow file, loaded with the other workflows of its folder' },
        options: {
            workflow: { type: 'string', value: 'NAME', description: 'the workflow to draw (default: the first in FILE)' },
            format: { type: 'string', choices: ['svg', 'mermaid', 'bpmn', 'json'], required: true, description: 'what to write' },
            out: { type: 'string', short: 'o', alias: 'output', value: 'OUT', description: 'the file to write (default: standard output)' },
            direction: { type: 'string', choices: ['right', 'down'], default: 'right', description: 'the direction of the flow' },
            critical: {
                type: 'boolean',
                description: "svg: mark the critical path, as the preview's toggle does (Mermaid always marks it)",
            },
        },
    },
    matrix: {
        summary: 'Print the ownership matrix: one row per step or decision, with owner, team, systems and hand-offs.',
        operand: {
            name: 'PATH',
            many: true,
            description: 'files or folders (searched recursively for *.workflow), loaded as one workspace',
        },
        options: {
            format: { type: 'string', choices: ['md', 'csv'], default: 'md', description: 'md: a Markdown table; csv: RFC 4180 CSV' },
        },
    },
    simulate: {
        summary: 'Simulate one workflow many times: cycle-time percentiles, share over the SLA, criticality, histogram.',
        operand: { name: 'FILE', description: 'a .workflow file, loaded with the other workflows of its folder' },
        options: {
            workflow: { type: 'string', value: 'NAME', description: 'the workflow to simulate (default: the first in FILE)' },
            runs: { type: 'integer', value: 'N', default: 10000, description: 'how many runs (1 to 1,000,000)' },
            seed: {
                type: 'integer',
                value: 'S',
                default: 1,
                description: 'the seed of the random draws: the same seed gives the same figures',
            },
            format: {
                type: 'string',
                choices: ['md', 'json'],
                default: 'md',
                description: 'md: a Markdown report; json: one object, times in minutes, shares from 0 to 1',
            },
        },
    },
} as const satisfies CommandTable;

export type CommandName = keyof typeof COMMANDS;

/** The parsed options of one command, as its implementation receives them. */
export type CommandOptions<K extends CommandName> = OptionValues<(typeof COMMANDS)[K]['options']>;
