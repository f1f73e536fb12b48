/**
 * The configuration of a workspace: `.workflowrc.json` (rules and ignore patterns) and
 * `.workflowignore` (more ignore patterns, one a line) at its root. The command line and the
 * language server read them through here, so both apply the same severities, options and ignore
 * patterns, and report the same problems in a bad configuration. No Node API: the files are read
 * through a `ConfigReader` (the CLI's checked reads, or the server's file system provider).
 */
import ignore from 'ignore';
import * as jsoncModule from 'jsonc-parser';
import type { Node as JsonNode, ParseError } from 'jsonc-parser';
import type { URI } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import { CODE_CATALOGUE, describeCode, type SeverityName } from '../validation/code-catalogue.js';

// Node loads the package's UMD entry (its functions on the default export); the bundles its ES module entry.
const DEFAULT_EXPORT = 'default';
const jsonc: typeof jsoncModule = (jsoncModule as unknown as Record<string, typeof jsoncModule | undefined>)[DEFAULT_EXPORT] ?? jsoncModule;

export const RC_FILE = '.workflowrc.json';
export const IGNORE_FILE = '.workflowignore';

export type RuleSeverity = SeverityName | 'off';
export const RULE_SEVERITIES: readonly RuleSeverity[] = ['off', 'hint', 'info', 'warning', 'error'];

export interface RuleSetting {
    readonly severity: RuleSeverity;
    /** The number of `["warning", 6]`: only `max-handoffs` takes one. */
    readonly option?: number;
}

/** Something wrong in a configuration file, with the range of the offending key or value. */
export interface ConfigProblem {
    readonly file: URI;
    readonly range: Range;
    readonly message: string;
}

export interface WorkflowRc {
    /** The workspace root the patterns are relative to. */
    readonly root: URI;
    readonly rules: ReadonlyMap<string, RuleSetting>;
    readonly problems: readonly ConfigProblem[];
    /** Whether there are any ignore patterns at all. */
    readonly ignoresAnything: boolean;
    /** Whether a path below the root (`a/b.workflow`; a folder with a trailing `/`) is left out. */
    isIgnored(relativePath: string): boolean;
}

/** Codes whose rule takes a number, with what the number means. */
const NUMERIC_OPTIONS: Record<string, string> = { 'max-handoffs': 'the highest number of hand-offs a workflow may have' };

/** Reads a file of the workspace; `undefined` when there is none. */
export type ConfigReader = (uri: URI) => Promise<string | undefined>;

/** Reads and checks the configuration files at a workspace root. */
export async function loadWorkflowRc(root: URI, read: ConfigReader): Promise<WorkflowRc> {
    const [rc, ignoreText] = await Promise.all([read(childUri(root, RC_FILE)), read(childUri(root, IGNORE_FILE))]);
    return resolveWorkflowRc(root, { rc, ignore: ignoreText });
}

/** The configuration of a root from the texts of its files (absent: not there). */
export function resolveWorkflowRc(root: URI, texts: { rc?: string; ignore?: string }): WorkflowRc {
    const problems: ConfigProblem[] = [];
    const rules = new Map<string, RuleSetting>();
    const patterns: string[] = [];
    if (texts.rc !== undefined && texts.rc.trim().length > 0) {
        readRcText(childUri(root, RC_FILE), texts.rc, rules, patterns, problems);
    }
    const matcher = ignore({ allowRelativePaths: true });
    for (const pattern of patterns) matcher.add(pattern);
    if (texts.ignore !== undefined) matcher.add(texts.ignore);
    const anyPattern = patterns.length > 0 || (texts.ignore ?? '').trim().length > 0;
    return {
        root,
        rules,
        problems,
        ignoresAnything: anyPattern,
        isIgnored: relativePath => anyPattern && relativePath.length > 0 && matcher.ignores(relativePath),
    };
}

/** The configuration of nothing: every code at its default severity, nothing ignored. */
export function emptyWorkflowRc(root: URI): WorkflowRc {
    return resolveWorkflowRc(root, {});
}

/** The severity of a code under a configuration (or the catalogue's default without one); opt-in rules are off unless named. */
export function severityOf(rc: WorkflowRc | undefined, code: string): RuleSeverity | undefined {
    const setting = rc?.rules.get(code);
    if (setting) return setting.severity;
    const entry = describeCode(code);
    if (!entry) return undefined;
    return entry.optIn ? 'off' : entry.defaultSeverity;
}

/** The setting of an opt-in rule when it is switched on. */
export function enabledRule(rc: WorkflowRc | undefined, code: string): RuleSetting | undefined {
    const setting = rc?.rules.get(code);
    return setting && setting.severity !== 'off' ? setting : undefined;
}

/** The path of `uri` below `root`, `/`-separated, or undefined when it is not below it. */
export function relativePath(root: URI, uri: URI): string | undefined {
    if (root.scheme !== uri.scheme || root.authority !== uri.authority) return undefined;
    const base = root.path.replace(/\/+$/, '');
    if (!uri.path.startsWith(`${base}/`)) return undefined;
    return uri.path.slice(base.length + 1);
}

function childUri(root: URI, name: string): URI {
    return root.with({ path: `${root.path.replace(/\/+$/, '')}/${name}` });
}

function readRcText(file: URI, text: string, rules: Map<string, RuleSetting>, patterns: string[], problems: ConfigProblem[]): void {
    const lines = lineStarts(text);
    const problem = (offset: number, length: number, message: string) =>
        problems.push({ file, range: { start: positionAt(lines, offset), end: positionAt(lines, offset + length) }, message });
    const errors: ParseError[] = [];
    const tree = jsonc.parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
    if (errors.length > 0) {
        const first = errors[0];
        problem(first.offset, Math.max(first.length, 1), `${RC_FILE} is not valid JSON: ${describeParseError(first.error)}.`);
        return;
    }
    if (!tree || tree.type !== 'object') {
        problem(tree?.offset ?? 0, tree?.length ?? 1, `${RC_FILE} must hold an object with "rules" and/or "ignore".`);
        return;
    }
    for (const property of tree.children ?? []) {
        const [key, value] = property.children ?? [];
        if (!key || !value) continue;
        switch (key.value) {
            case 'rules':
                readRules(value, rules, problem);
                break;
            case 'ignore':
                readIgnore(value, patterns, problem);
                break;
            case '$schema':
                break;
            default:
                problem(key.offset, key.length, `Unknown setting '${String(key.value)}': ${RC_FILE} knows "rules" and "ignore".`);
        }
    }
}

type Report = (offset: number, length: number, message: string) => void;

function readIgnore(value: JsonNode, patterns: string[], problem: Report): void {
    if (value.type !== 'array') {
        problem(value.offset, value.length, '"ignore" must be a list of patterns, such as ["drafts/**"].');
        return;
    }
    for (const item of value.children ?? []) {
        if (item.type === 'string' && typeof item.value === 'string') patterns.push(item.value);
        else problem(item.offset, item.length, 'An ignore pattern must be a string, such as "drafts/**".');
    }
}

function readRules(value: JsonNode, rules: Map<string, RuleSetting>, problem: Report): void {
    if (value.type !== 'object') {
        problem(value.offset, value.length, '"rules" must map codes to severities, such as { "individual-owner": "off" }.');
        return;
    }
    for (const property of value.children ?? []) {
        const [key, setting] = property.children ?? [];
        if (!key || !setting) continue;
        const code = String(key.value);
        const entry = describeCode(code);
        if (!entry) {
            problem(key.offset, key.length, `Unknown code '${code}'${suggestion(code)}`);
            continue;
        }
        const read = readRuleSetting(code, setting, problem);
        if (!read) continue;
        if (entry.alwaysOn && read.severity === 'off') {
            problem(setting.offset, setting.length, `'${code}' cannot be turned off.`);
            continue;
        }
        rules.set(code, read);
    }
}

/** `"warning"` or `["warning"]` or `["warning", 6]`, checked against what the code accepts. */
function readRuleSetting(code: string, setting: JsonNode, problem: Report): RuleSetting | undefined {
    const items = setting.type === 'array' ? (setting.children ?? []) : [setting];
    const [severityNode, optionNode, ...extra] = items;
    if (!severityNode) {
        problem(setting.offset, setting.length, `The setting of '${code}' needs a severity: ${severityList()}.`);
        return undefined;
    }
    const severity = severityNode.value as RuleSeverity;
    if (severityNode.type !== 'string' || !RULE_SEVERITIES.includes(severity)) {
        problem(
            severityNode.offset,
            severityNode.length,
            `Unknown severity ${JSON.stringify(severityNode.value ?? null)} for '${code}': use ${severityList()}.`,
        );
        return undefined;
    }
    if (extra.length > 0) {
        problem(extra[0].offset, extra[0].length, `The setting of '${code}' has at most two parts: [severity, option].`);
        return undefined;
    }
    const meaning = NUMERIC_OPTIONS[code];
    if (!meaning) {
        if (optionNode) {
            problem(optionNode.offset, optionNode.length, `'${code}' takes no option: write just the severity.`);
            return undefined;
        }
        return { severity };
    }
    if (!optionNode) {
        if (severity === 'off') return { severity };
        problem(setting.offset, setting.length, `'${code}' needs ${meaning}: ["${severity}", 6].`);
        return undefined;
    }
    const option = optionNode.value as number;
    if (optionNode.type !== 'number' || !Number.isInteger(option) || option < 0) {
        problem(optionNode.offset, optionNode.length, `The option of '${code}' is ${meaning}: a whole number of 0 or more.`);
        return undefined;
    }
    return { severity, option };
}

function severityList(): string {
    return RULE_SEVERITIES.map(severity => `"${severity}"`).join(', ');
}

/** A close code for a typo (`handoff-without-channels`): same words, or one that contains the other. */
function suggestion(code: string): string {
    const words = (text: string) => text.split('-').sort().join('-');
    const close = CODE_CATALOGUE.find(entry => words(entry.code) === words(code) || entry.code.includes(code) || code.includes(entry.code));
    return close ? `: did you mean '${close.code}'?` : '.';
}

function describeParseError(error: number): string {
    const name = jsonc.printParseErrorCode(error);
    return name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function lineStarts(text: string): number[] {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
        if (text[i] === '\n') starts.push(i + 1);
    }
    return starts;
}

function positionAt(starts: number[], offset: number): { line: number; character: number } {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
        const middle = (low + high + 1) >> 1;
        if (starts[middle] <= offset) low = middle;
        else high = middle - 1;
    }
    return { line: low, character: offset - starts[low] };
}
