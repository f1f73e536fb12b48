/**
 * The `workflow-architect` command line: the same checks as the editor, for CI.
 * Bad usage and unreadable input print one line on stderr and exit 2, never a stack trace.
 */
import { UsageError } from './input-files.js';
import { matrixCommand } from './matrix-command.js';
import { renderCommand } from './render-command.js';
import { validateCommand } from './validate-command.js';

const USAGE = 'usage: workflow-architect validate PATH... [--format text|json] | '
    + 'render FILE [--workflow NAME] --format svg|mermaid|bpmn|json [-o OUT] [--direction right|down] | '
    + 'matrix PATH... [--format md|csv]';

const ALIASES: Record<string, string> = { o: 'out', output: 'out' };

interface ParsedArgs {
    command: string | undefined;
    positional: string[];
    options: Map<string, string>;
}

function parseArgs(argv: string[], valued: Set<string>): ParsedArgs {
    const positional: string[] = [];
    const options = new Map<string, string>();
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === '--help' || arg === '-h') {
            options.set('help', 'true');
        } else if (arg.startsWith('-') && arg !== '-') {
            const [given, inline] = arg.replace(/^--?/, '').split(/=(.*)/s, 2);
            const name = ALIASES[given] ?? given;
            if (!valued.has(name)) {
                throw new UsageError(`unknown option '${arg}'`);
            }
            const value = inline ?? argv[++i];
            if (value === undefined) {
                throw new UsageError(`option '--${name}' needs a value`);
            }
            options.set(name, value);
        } else {
            positional.push(arg);
        }
    }
    return { command: positional.shift(), positional, options };
}

export async function main(argv: string[]): Promise<number> {
    const args = parseArgs(argv, new Set(['format', 'workflow', 'out', 'direction']));
    if (args.options.has('help')) {
        process.stdout.write(USAGE + '\n');
        return 0;
    }
    switch (args.command) {
        case 'validate':
            return validateCommand(args.positional, args.options.get('format') ?? 'text', text => process.stdout.write(text));
        case 'matrix':
            return matrixCommand(args.positional, args.options.get('format') ?? 'md', text => process.stdout.write(text));
        case 'render':
            if (args.positional.length > 1) throw new UsageError(`render takes one FILE, got ${args.positional.length}`);
            return renderCommand({
                file: args.positional[0], workflow: args.options.get('workflow'), format: args.options.get('format'),
                out: args.options.get('out'), direction: args.options.get('direction'),
            }, text => process.stdout.write(text));
        case undefined:
            throw new UsageError(`no command given (${USAGE})`);
        default:
            throw new UsageError(`unknown command '${args.command}' (${USAGE})`);
    }
}

main(process.argv.slice(2)).then(
    code => { process.exitCode = code; },
    (error: unknown) => {
        if (error instanceof UsageError) {
            process.stderr.write(`workflow-architect: ${error.message}\n`);
        } else {
            process.stderr.write(`workflow-architect: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
        }
        process.exitCode = 2;
    },
);
