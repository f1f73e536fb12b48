/**
 * The commands of `workflow-architect` and their options, one line per option; `main.ts` runs
 * them, `arguments.ts` parses and explains them.
 */
import type { CommandTable, OptionValues } from './arguments.js';

/** The operand of every command that reads a whole workspace. */
const WORKSPACE_PATHS = {
    name: 'PATH',
    many: true,
    description: 'files or folders (searched recursively for *.workflow), loaded as one workspace',
} as const;

export const COMMANDS = {
    validate: {
        summary: 'Check workflow files and print their diagnostics; exit 1 on errors.',
        operand: WORKSPACE_PATHS,
        options: {
            format: {
                type: 'string',
                choices: ['text', 'json', 'sarif', 'github'],
                default: 'text',
                description:
                    'text: file:line:column severity code message; json: one report; sarif: SARIF 2.1.0 for code scanning; github: GitHub Actions annotations',
            },
            'max-warnings': { type: 'integer', value: 'N', description: 'exit 1 when there are more than N warnings' },
            baseline: {
                type: 'string',
                value: 'FILE',
                description: 'a previous --format json report: report and count only findings not in it',
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
        operand: WORKSPACE_PATHS,
        options: {
            format: { type: 'string', choices: ['md', 'csv'], default: 'md', description: 'md: a Markdown table; csv: RFC 4180 CSV' },
        },
    },
    org: {
        summary: 'Print the organization map: the teams, the hand-offs between each pair, their channels, and the systems.',
        operand: WORKSPACE_PATHS,
        options: {
            format: {
                type: 'string',
                choices: ['md', 'json', 'mermaid', 'svg'],
                default: 'md',
                description: 'md: a report for a design review; json: the map; mermaid: a flowchart; svg: the drawing of the view',
            },
            'min-handoffs': {
                type: 'integer',
                value: 'N',
                description: 'svg: draw only team pairs with at least N hand-offs (default: as the view opens the map)',
            },
            out: { type: 'string', short: 'o', alias: 'output', value: 'OUT', description: 'the file to write (default: standard output)' },
        },
    },
    impact: {
        summary: 'Print what depends on one person, role, team or system, and what would be left without it.',
        operand: WORKSPACE_PATHS,
        options: {
            person: { type: 'string', value: 'Team.person', description: 'a person of a team' },
            role: { type: 'string', value: 'Team.Role', description: 'a role of a team' },
            team: { type: 'string', value: 'Team', description: 'a team' },
            system: { type: 'string', value: 'S', description: 'a system' },
            format: { type: 'string', choices: ['md', 'json'], default: 'md', description: 'md: a report; json: the analysis' },
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
