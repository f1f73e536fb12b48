/**
 * The `workflow-architect` command line: the same checks as the editor, for CI.
 * Bad usage and unreadable input print one line on stderr and exit 2, never a stack trace.
 * The commands and their options are in `commands.ts`.
 */
import { parseCommandLine } from './arguments.js';
import { COMMANDS } from './commands.js';
import { UsageError } from './input-files.js';
import { impactCommand } from './impact-command.js';
import { matrixCommand } from './matrix-command.js';
import { orgCommand } from './org-command.js';
import { renderCommand } from './render-command.js';
import { simulateCommand } from './simulate-command.js';
import { validateCommand } from './validate-command.js';

/**
 * Set when standard output was closed by its reader (`validate … | head -1`): the rest of the
 * output is dropped, and the command ends quietly with its own exit code.
 */
let stdoutClosed = false;
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
    stdoutClosed = true;
});
process.stderr.on('error', () => {
    /* nowhere left to report anything */
});

export async function main(argv: string[]): Promise<number> {
    const write = (text: string) => {
        if (!stdoutClosed) process.stdout.write(text);
    };
    const note = (line: string) => {
        process.stderr.write(`workflow-architect: ${oneLine(line)}\n`);
    };
    const invocation = parseCommandLine(argv, COMMANDS);
    switch (invocation.kind) {
        case 'help':
            write(invocation.text);
            return 0;
        case 'run':
            switch (invocation.command) {
                case 'validate':
                    return validateCommand(invocation.operands, invocation.options, write, note);
                case 'matrix':
                    return matrixCommand(invocation.operands, invocation.options, write);
                case 'org':
                    return orgCommand(invocation.operands, invocation.options, write);
                case 'impact':
                    return impactCommand(invocation.operands, invocation.options, write);
                case 'render':
                    return renderCommand({ file: invocation.operands[0], ...invocation.options }, write, note);
                case 'simulate':
                    return simulateCommand({ file: invocation.operands[0], ...invocation.options }, write, note);
            }
    }
}

function oneLine(message: string): string {
    return message.replace(/\s*\r?\n\s*/g, ' ').trim();
}

main(process.argv.slice(2)).then(
    code => {
        process.exitCode = code;
    },
    (error: unknown) => {
        if (error instanceof UsageError) {
            process.stderr.write(`workflow-architect: ${oneLine(error.message)}\n`);
        } else {
            process.stderr.write(
                `workflow-architect: internal error: ${oneLine(error instanceof Error ? error.message : String(error))}\n`,
            );
        }
        process.exitCode = 2;
    },
);
