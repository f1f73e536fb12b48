/**
 * The argument parser on its own, with a table made up for the test (option kinds the real
 * commands do not use yet), and the consistency of the real table.
 */
import * as assert from 'node:assert/strict';
import { parseCommandLine, type CommandTable } from '../../cli/arguments.js';
import { COMMANDS } from '../../cli/commands.js';
import { UsageError } from '../../cli/input-files.js';

const TABLE = {
    check: {
        summary: 'Check things.',
        operand: { name: 'PATH', many: true, description: 'what to check' },
        options: {
            format: { type: 'string', choices: ['text', 'json'], default: 'text', description: 'how to print' },
            'max-warnings': { type: 'integer', value: 'N', description: 'the most warnings allowed' },
            quiet: { type: 'boolean', short: 'q', description: 'print nothing' },
            x: { type: 'string', description: 'a one-letter long option' },
        },
    },
    draw: {
        summary: 'Draw one thing.',
        operand: { name: 'FILE', description: 'what to draw' },
        options: {
            out: { type: 'string', short: 'o', alias: 'output', value: 'OUT', description: 'where to write' },
            runs: { type: 'integer', default: 100, description: 'how often' },
            kind: { type: 'string', choices: ['a', 'b'], required: true, description: 'which kind' },
        },
    },
    status: { summary: 'Show the status.', options: {} },
} as const satisfies CommandTable;

function parse(...argv: string[]) {
    return parseCommandLine(argv, TABLE);
}

function usageError(argv: string[]): string {
    try {
        parse(...argv);
    } catch (error) {
        assert.ok(error instanceof UsageError, String(error));
        return error.message;
    }
    assert.fail(`no error for ${argv.join(' ')}`);
}

describe('command-line arguments', () => {
    it('returns the command, its operands and its options with defaults, typed from the table', () => {
        const invocation = parse('check', 'a', '--max-warnings', '3', 'b', '-q');
        assert.deepEqual(invocation, {
            kind: 'run',
            command: 'check',
            operands: ['a', 'b'],
            options: { format: 'text', 'max-warnings': 3, quiet: true, x: undefined },
        });
        assert.deepEqual(parse('check', 'a'), {
            kind: 'run',
            command: 'check',
            operands: ['a'],
            options: { format: 'text', 'max-warnings': undefined, quiet: false, x: undefined },
        });
    });

    it('accepts inline values, short and long aliases, the last of a repeated option, and operands after --', () => {
        assert.deepEqual(parse('check', '--format=json', '--format', 'text', '--', '--quiet'), {
            kind: 'run',
            command: 'check',
            operands: ['--quiet'],
            options: { format: 'text', 'max-warnings': undefined, quiet: false, x: undefined },
        });
        for (const out of [['-o', 'x.svg'], ['-ox.svg'], ['--out', 'x.svg'], ['--output=x.svg']]) {
            const invocation = parse('draw', 'f', '--kind', 'a', ...out);
            assert.equal(
                invocation.kind === 'run' && invocation.command === 'draw' ? invocation.options.out : undefined,
                'x.svg',
                out.join(' '),
            );
        }
    });

    it('names the command and the option in every error', () => {
        assert.equal(usageError(['check', 'a', '--out', 'x']), "check: unknown option '--out' (it is an option of draw)");
        assert.equal(usageError(['check', 'a', '-o', 'x']), "check: unknown option '-o' (it is an option of draw)");
        assert.equal(usageError(['check', 'a', '--nope']), "check: unknown option '--nope' (see 'workflow-architect check --help')");
        assert.equal(
            usageError(['check', 'a', '-x', '1']),
            "check: unknown option '-x' (see 'workflow-architect check --help')",
            'a short -x is not the long --x',
        );
        assert.equal(usageError(['check', 'a', '--format']), "check: option '--format' needs a value");
        assert.equal(usageError(['check', 'a', '--format=']), "check: option '--format' needs a value");
        assert.equal(
            usageError(['check', 'a', '--format', '--quiet']),
            "check: option '--format' needs a value, not the option '--quiet' (write --format=--quiet for a value that starts with '-')",
        );
        assert.equal(usageError(['check', 'a', '--format', 'xml']), "check: invalid value 'xml' for option '--format' (use text or json)");
        assert.equal(
            usageError(['check', 'a', '--max-warnings', 'many']),
            "check: option '--max-warnings' needs a whole number, not 'many'",
        );
        assert.equal(usageError(['check', 'a', '--max-warnings=-1']), "check: option '--max-warnings' needs a whole number, not '-1'");
        assert.equal(usageError(['check', 'a', '--quiet=yes']), "check: option '--quiet' takes no value");
        assert.equal(usageError(['draw', 'f']), "draw: option '--kind' is required (use a or b)");
        assert.equal(usageError(['draw', '--kind', 'a']), "draw: no FILE given (see 'workflow-architect draw --help')");
        assert.equal(usageError(['draw', 'f', 'g', '--kind', 'a']), 'draw: takes one FILE, got 2');
        assert.equal(usageError(['check']), "check: no PATH given (see 'workflow-architect check --help')");
        assert.equal(usageError(['status', 'now']), "status: takes no arguments, got 'now'");
    });

    it('refuses a missing, unknown or misplaced command with the usage', () => {
        const usage = "(usage: workflow-architect check|draw|status ...; 'workflow-architect --help' lists the commands)";
        assert.equal(usageError([]), `no command given ${usage}`);
        assert.equal(usageError(['paint']), `unknown command 'paint' ${usage}`);
        assert.equal(usageError(['--format', 'json', 'check', 'a']), `expected a command before '--format' ${usage}`);
        assert.equal(usageError(['help', 'paint']), `help: unknown command 'paint' ${usage}`);
    });

    it('prints the help of a command, made from its table, wherever --help or -h is', () => {
        const help = parse('draw', 'f', '--nope', '-h');
        assert.equal(help.kind, 'help');
        assert.equal(
            help.kind === 'help' && help.text,
            [
                'usage: workflow-architect draw FILE [-o|--out OUT] [--runs N] --kind a|b',
                '',
                'Draw one thing.',
                '',
                '  FILE                     what to draw',
                '  -o, --out, --output OUT  where to write',
                '  --runs N                 how often (default: 100)',
                '  --kind a|b               which kind (required)',
                '  -h, --help               show this help',
                '',
            ].join('\n'),
        );
        for (const argv of [
            ['help', 'draw'],
            ['--help', 'draw'],
            ['draw', '--help'],
        ]) {
            assert.deepEqual(parse(...argv), help, argv.join(' '));
        }
    });

    it('lists every command with its summary for help, --help and -h', () => {
        const overview = parse('help');
        assert.equal(
            overview.kind === 'help' && overview.text,
            [
                'usage: workflow-architect COMMAND [ARGS...]',
                '',
                'commands:',
                '  check   Check things.',
                '  draw    Draw one thing.',
                '  status  Show the status.',
                '  help    Show the arguments and options of a command: help COMMAND.',
                '',
                "'workflow-architect COMMAND --help' shows the same as 'workflow-architect help COMMAND'.",
                '',
            ].join('\n'),
        );
        assert.deepEqual(parse('--help'), overview);
        assert.deepEqual(parse('-h'), overview);
    });

    it('has a consistent table of real commands', () => {
        for (const [command, spec] of Object.entries(COMMANDS as CommandTable)) {
            const shorts = Object.values(spec.options).flatMap(option => option.short ?? []);
            assert.equal(new Set(shorts).size, shorts.length, `${command}: one option per short alias`);
            assert.ok(!shorts.includes('h') && !('help' in spec.options), `${command}: -h and --help are the help`);
            for (const [name, option] of Object.entries(spec.options)) {
                if (option.default !== undefined && option.choices) {
                    assert.ok(option.choices.includes(String(option.default)), `${command} --${name}: the default is one of the choices`);
                }
                assert.ok(!(option.required && option.default !== undefined), `${command} --${name}: required or defaulted, not both`);
            }
        }
    });
});
