/**
 * Reads the command line against a table of commands. Each command declares its operand and its
 * own options, one line per option; the parser (node:util `parseArgs` for the tokens) accepts only
 * those, so an option of another command, an unknown option, a missing value or a value outside
 * the choices is a `UsageError` naming the option and the command. `-h`/`--help` is understood by
 * every command and the help text is made from the same table.
 */
import { parseArgs } from 'node:util';
import { UsageError } from './input-files.js';

export const PROGRAM = 'workflow-architect';

/** One option of one command. */
export interface OptionSpec {
    /** `string` takes a value, `integer` a whole number (0 or more), `boolean` none. */
    readonly type: 'string' | 'integer' | 'boolean';
    /** A one-letter alias, as in `-o`. */
    readonly short?: string;
    /** Another long name accepted for the same option. */
    readonly alias?: string;
    /** The only values accepted, shown in the usage instead of `value`. */
    readonly choices?: readonly string[];
    /** The value when the option is not given. */
    readonly default?: string | number;
    /** The command refuses to run without this option. */
    readonly required?: boolean;
    /** The value's placeholder in the usage, as in `--workflow NAME`. */
    readonly value?: string;
    /** One line for the command's help. */
    readonly description: string;
}

export type OptionTable = Readonly<Record<string, OptionSpec>>;

export interface CommandSpec {
    /** One line for the list of commands. */
    readonly summary: string;
    /** The arguments that are not options; without it the command takes none. */
    readonly operand?: {
        readonly name: string;
        /** One or more instead of exactly one. */
        readonly many?: boolean;
        readonly description: string;
    };
    readonly options: OptionTable;
}

export type CommandTable = Readonly<Record<string, CommandSpec>>;

type OptionValue<S extends OptionSpec> = S extends { readonly type: 'boolean' }
    ? boolean
    : S extends { readonly type: 'integer' }
      ? number
      : S extends { readonly choices: ReadonlyArray<infer C> }
        ? C
        : string;

/** The parsed options of a command, typed from its table: absent unless defaulted or required. */
export type OptionValues<T extends OptionTable> = {
    -readonly [K in keyof T]: T[K] extends
        { readonly type: 'boolean' } | { readonly default: string | number } | { readonly required: true }
        ? OptionValue<T[K]>
        : OptionValue<T[K]> | undefined;
};

export type Invocation<T extends CommandTable> =
    | { readonly kind: 'help'; readonly text: string }
    | {
          [K in keyof T & string]: {
              readonly kind: 'run';
              readonly command: K;
              readonly operands: string[];
              readonly options: OptionValues<T[K]['options']>;
          };
      }[keyof T & string];

const HELP: OptionSpec = { type: 'boolean', short: 'h', description: 'show this help' };

/**
 * The command comes first (`workflow-architect validate …`); `help [COMMAND]`, `--help` and
 * `-h` ask for help instead.
 */
export function parseCommandLine<T extends CommandTable>(argv: readonly string[], commands: T): Invocation<T> {
    const [first, ...rest] = argv;
    if (first === undefined) {
        throw new UsageError(`no command given (${shortUsage(commands)})`);
    }
    if (first === 'help' || first === '--help' || first === '-h') {
        return {
            kind: 'help',
            text: helpFor(
                rest.filter(arg => arg !== '--help' && arg !== '-h'),
                commands,
            ),
        };
    }
    if (first.startsWith('-') && first !== '-') {
        throw new UsageError(`expected a command before '${first}' (${shortUsage(commands)})`);
    }
    if (!Object.hasOwn(commands, first)) {
        throw new UsageError(`unknown command '${first}' (${shortUsage(commands)})`);
    }
    const name: keyof T & string = first;
    const parsed = parseCommand(name, rest, commands);
    return parsed === 'help'
        ? { kind: 'help', text: commandHelp(name, commands[name]) }
        : ({ kind: 'run', command: name, ...parsed } as Invocation<T>);
}

function helpFor(args: string[], commands: CommandTable): string {
    if (args.length > 1) throw new UsageError(`help: takes at most one COMMAND, got ${args.length}`);
    const [name] = args;
    if (name === undefined) return overview(commands);
    if (!Object.hasOwn(commands, name)) throw new UsageError(`help: unknown command '${name}' (${shortUsage(commands)})`);
    return commandHelp(name, commands[name]);
}

interface Parsed {
    operands: string[];
    options: Record<string, string | number | boolean | undefined>;
}

function parseCommand(command: string, args: string[], commands: CommandTable): Parsed | 'help' {
    const spec = commands[command];
    const table: OptionTable = { ...spec.options, help: HELP };
    const byName = new Map<string, [string, OptionSpec]>();
    const config: Record<string, { type: 'string' | 'boolean'; short?: string }> = {};
    for (const [name, option] of Object.entries(table)) {
        const type = option.type === 'boolean' ? 'boolean' : 'string';
        config[name] = option.short === undefined ? { type } : { type, short: option.short };
        byName.set(name, [name, option]);
        if (option.alias !== undefined) {
            config[option.alias] = { type };
            byName.set(option.alias, [name, option]);
        }
    }
    // Not strict: unknown options come back as tokens, reported below with the command's name.
    const { tokens } = parseArgs({ args, options: config, strict: false, allowPositionals: true, tokens: true });
    if (tokens.some(token => token.kind === 'option' && byName.get(token.name)?.[0] === 'help')) {
        return 'help';
    }
    const usage = (message: string) => new UsageError(`${command}: ${message}`);
    const operands: string[] = [];
    const options: Parsed['options'] = {};
    for (const token of tokens) {
        if (token.kind === 'positional') {
            operands.push(token.value);
            continue;
        }
        if (token.kind !== 'option') continue;
        // An undeclared `-x` comes back named `x`: it must not pass for a long option `--x`.
        const known =
            token.rawName.startsWith('--') || byName.get(token.name)?.[1].short === token.rawName.slice(1)
                ? byName.get(token.name)
                : undefined;
        if (!known) {
            throw usage(`unknown option '${token.rawName}' (${elsewhere(command, token.name, token.rawName, commands)})`);
        }
        const [name, option] = known;
        if (option.type === 'boolean') {
            if (token.inlineValue) throw usage(`option '${token.rawName}' takes no value`);
            options[name] = true;
            continue;
        }
        const value = token.value;
        if (value === undefined || value === '') {
            throw usage(`option '${token.rawName}' needs a value`);
        } else if (!token.inlineValue && value.length > 1 && value.startsWith('-')) {
            throw usage(
                `option '${token.rawName}' needs a value, not the option '${value}' (write ${token.rawName}=${value} for a value that starts with '-')`,
            );
        }
        options[name] = convert(value, option, token.rawName, usage);
    }
    for (const [name, option] of Object.entries(spec.options)) {
        if (options[name] !== undefined) continue;
        if (option.required) {
            throw usage(`option '--${name}' is required${option.choices ? ` (use ${listOf(option.choices)})` : ''}`);
        }
        options[name] = option.type === 'boolean' ? false : option.default;
    }
    checkOperands(command, spec, operands, usage);
    return { operands, options };
}

function convert(value: string, option: OptionSpec, rawName: string, usage: (message: string) => UsageError): string | number {
    if (option.choices && !option.choices.includes(value)) {
        throw usage(`invalid value '${value}' for option '${rawName}' (use ${listOf(option.choices)})`);
    }
    if (option.type === 'integer') {
        if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
            throw usage(`option '${rawName}' needs a whole number, not '${value}'`);
        }
        return Number(value);
    }
    return value;
}

function checkOperands(command: string, spec: CommandSpec, operands: string[], usage: (message: string) => UsageError): void {
    const operand = spec.operand;
    if (!operand) {
        if (operands.length > 0) throw usage(`takes no arguments, got '${operands[0]}'`);
        return;
    }
    if (operands.length === 0) {
        throw usage(`no ${operand.name} given (see '${PROGRAM} ${command} --help')`);
    }
    if (!operand.many && operands.length > 1) {
        throw usage(`takes one ${operand.name}, got ${operands.length}`);
    }
}

/** Where an option unknown to `command` belongs, or where to look up the right ones. */
function elsewhere(command: string, name: string, rawName: string, commands: CommandTable): string {
    const short = !rawName.startsWith('--');
    const owners = Object.entries(commands)
        .filter(
            ([other, spec]) =>
                other !== command &&
                Object.entries(spec.options).some(([long, option]) =>
                    short ? option.short === name : long === name || option.alias === name,
                ),
        )
        .map(([other]) => other);
    return owners.length > 0 ? `it is an option of ${listOf(owners)}` : `see '${PROGRAM} ${command} --help'`;
}

function listOf(items: readonly string[]): string {
    return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

function shortUsage(commands: CommandTable): string {
    return `usage: ${PROGRAM} ${Object.keys(commands).join('|')} ...; '${PROGRAM} --help' lists the commands`;
}

/** `-o|--out OUT` in a synopsis, `-o, --out, --output OUT` in a help text. */
function optionLabel(name: string, option: OptionSpec, separator: string): string {
    const names = [option.short && `-${option.short}`, `--${name}`, option.alias && `--${option.alias}`].filter(Boolean).join(separator);
    if (option.type === 'boolean') return names;
    return `${names} ${option.choices ? option.choices.join('|') : (option.value ?? (option.type === 'integer' ? 'N' : 'VALUE'))}`;
}

/** `validate PATH... [--format text|json]`: the command's synopsis, from its table. */
export function synopsis(command: string, spec: CommandSpec): string {
    const parts = [command];
    if (spec.operand) parts.push(spec.operand.name + (spec.operand.many ? '...' : ''));
    for (const [name, option] of Object.entries(spec.options)) {
        const label = optionLabel(name, { ...option, alias: undefined }, '|');
        parts.push(option.required ? label : `[${label}]`);
    }
    return parts.join(' ');
}

function columns(rows: Array<[string, string]>): string {
    const width = Math.max(...rows.map(([left]) => left.length)) + 2;
    return rows.map(([left, right]) => `  ${left.padEnd(width)}${right}`.trimEnd() + '\n').join('');
}

function commandHelp(command: string, spec: CommandSpec): string {
    const rows: Array<[string, string]> = [];
    if (spec.operand) rows.push([spec.operand.name + (spec.operand.many ? '...' : ''), spec.operand.description]);
    for (const [name, option] of Object.entries({ ...spec.options, help: HELP })) {
        const notes = [
            option.required ? 'required' : undefined,
            option.default !== undefined ? `default: ${option.default}` : undefined,
        ].filter(Boolean);
        rows.push([optionLabel(name, option, ', '), option.description + (notes.length > 0 ? ` (${notes.join(', ')})` : '')]);
    }
    return `usage: ${PROGRAM} ${synopsis(command, spec)}\n\n${spec.summary}\n\n${columns(rows)}`;
}

function overview(commands: CommandTable): string {
    const rows: Array<[string, string]> = Object.entries(commands).map(([name, spec]) => [name, spec.summary]);
    rows.push(['help', 'Show the arguments and options of a command: help COMMAND.']);
    return (
        `usage: ${PROGRAM} COMMAND [ARGS...]\n\ncommands:\n${columns(rows)}\n` +
        `'${PROGRAM} COMMAND --help' shows the same as '${PROGRAM} help COMMAND'.\n`
    );
}
