/**
 * `validate --format sarif`: the findings as a SARIF 2.1.0 log, as GitHub code scanning and other
 * SARIF viewers read it. One rule per code of the catalogue (help from the language reference),
 * one result per finding, with paths relative to `%SRCROOT%` (the current folder).
 */
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CODE_CATALOGUE, type CodeDescription, type SeverityName } from '../../language/src/validation/code-catalogue.js';
import type { ReportedDiagnostic } from '../validate-command.js';
import { ruleHelp, ruleHelpUri } from './rule-help.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** Where the tool and its reference live, and where relative paths start. */
export interface SarifContext {
    readonly version: string;
    /** The project's home page. */
    readonly informationUri: string;
    /** The address of the language reference page (rule help links point into it). */
    readonly docsUrl: string;
    /** The text of the language reference (`docs/language.md`). */
    readonly reference: string;
    /** The folder `%SRCROOT%` stands for: the current folder. */
    readonly root: string;
    /** The text of each file by its path as reported: the source of the results' snippets. */
    readonly sources?: ReadonlyMap<string, string>;
}

type SarifLevel = 'error' | 'warning' | 'note';

/** Infos and hints are both `note`: SARIF has no fourth level. */
const LEVELS: Record<SeverityName, SarifLevel> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

const SRCROOT = '%SRCROOT%';

const FRIENDLY_NAMES: Readonly<Record<string, string>> = { unreachable: 'UnreachableNode', unused: 'UnusedDeclaration' };

/** The key of the fingerprint that identifies a finding without its line (see `fingerprints`). */
export const FINGERPRINT_KEY = 'workflowFinding/v1';

export function sarifLog(findings: readonly ReportedDiagnostic[], context: SarifContext): object {
    const ruleIndex = new Map(CODE_CATALOGUE.map((entry, index) => [entry.code as string, index]));
    const fingerprints = findingFingerprints(findings, context.root);
    const sources = new Map([...(context.sources ?? [])].map(([file, text]) => [file, new SourceLines(text)]));
    return {
        $schema: SARIF_SCHEMA,
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: {
                        name: 'workflow-architect',
                        fullName: 'Workflow Architect',
                        version: context.version,
                        semanticVersion: context.version,
                        informationUri: context.informationUri,
                        rules: CODE_CATALOGUE.map(entry => rule(entry, context)),
                    },
                },
                originalUriBaseIds: { [SRCROOT]: { uri: folderUri(context.root) } },
                columnKind: 'utf16CodeUnits',
                results: findings.map((finding, index) =>
                    result(finding, ruleIndex.get(finding.code), fingerprints[index], context.root, sources.get(finding.file)),
                ),
            },
        ],
    };
}

function rule({ code, summary, defaultSeverity, optIn }: CodeDescription, context: SarifContext): object {
    const help = ruleHelp(context.reference, code, context.docsUrl);
    const helpUri = ruleHelpUri(context.docsUrl, code);
    // A code the reference does not describe yet still gets help: its summary and where to look.
    const fallback = `${summary} See ${helpUri}.`;
    // A friendly name must not just repeat the id (`unused` / `Unused`): one-word codes get a longer one, or none.
    const name = FRIENDLY_NAMES[code] ?? pascalCase(code);
    return {
        id: code,
        ...(name.toLowerCase() === code.toLowerCase() ? {} : { name }),
        shortDescription: { text: summary },
        fullDescription: { text: help?.description ?? summary },
        // A rule a team switches on is off by default; `level` is its severity once on.
        defaultConfiguration: { level: LEVELS[defaultSeverity], ...(optIn ? { enabled: false } : {}) },
        helpUri,
        help: { text: help?.text ?? fallback, markdown: help?.markdown ?? `${summary} See [the reference](${helpUri}).` },
    };
}

function result(
    finding: ReportedDiagnostic,
    index: number | undefined,
    fingerprint: string,
    root: string,
    source: SourceLines | undefined,
): object {
    const region = {
        startLine: finding.line,
        startColumn: finding.column,
        endLine: finding.endLine,
        endColumn: finding.endColumn,
    };
    return {
        ruleId: finding.code,
        ...(index === undefined ? {} : { ruleIndex: index }),
        level: LEVELS[finding.severity],
        message: { text: finding.message },
        locations: [
            {
                physicalLocation: {
                    artifactLocation: artifactLocation(finding.file, root),
                    ...(source === undefined ? { region } : source.withSnippets(region)),
                },
            },
        ],
        partialFingerprints: { [FINGERPRINT_KEY]: fingerprint },
    };
}

interface Region {
    startLine: number;
    startColumn: number;
    endLine: number;
    endColumn: number;
}

/**
 * The region with the text it covers, and a context region of the whole lines around it (one
 * more line each side), so that a viewer without the sources can still show the finding.
 */
class SourceLines {
    /** Where each line starts, and (last) the end of the text. */
    private readonly starts: number[];

    constructor(private readonly text: string) {
        this.starts = [0];
        for (const match of text.matchAll(/\r\n|\n|\r/g)) this.starts.push(match.index + match[0].length);
        if (this.starts[this.starts.length - 1] !== text.length) this.starts.push(text.length);
    }

    withSnippets(region: Region): { region: object; contextRegion: object } {
        const lineCount = this.starts.length - 1;
        const first = Math.max(1, region.startLine - 1);
        const last = Math.min(lineCount, region.endLine + 1);
        return {
            region: { ...region, snippet: { text: this.slice(region.startLine, region.startColumn, region.endLine, region.endColumn) } },
            contextRegion: { startLine: first, endLine: last, snippet: { text: this.slice(first, 1, last + 1, 1) } },
        };
    }

    /** The text between two 1-based positions (a line past the end means the end of the text). */
    private slice(startLine: number, startColumn: number, endLine: number, endColumn: number): string {
        return this.text.slice(this.offset(startLine, startColumn), this.offset(endLine, endColumn));
    }

    private offset(line: number, column: number): number {
        const start = this.starts[Math.min(line, this.starts.length) - 1];
        return Math.min(start + column - 1, this.text.length);
    }
}

/** A file inside the root as a relative URI against `%SRCROOT%`; one outside it as an absolute `file:` URI. */
function artifactLocation(file: string, root: string): { uri: string; uriBaseId?: string } {
    const absolute = path.resolve(root, file);
    const relative = path.relative(root, absolute);
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
        return { uri: pathToFileURL(absolute).href };
    }
    return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

/** A folder's `file:` URI ends in `/`, so that relative URIs resolve inside it rather than beside it. */
function folderUri(folder: string): string {
    const href = pathToFileURL(path.resolve(folder)).href;
    return href.endsWith('/') ? href : `${href}/`;
}

/**
 * A fingerprint per finding from its file, code, message and its rank among the findings of the
 * same file, code and message: the line is left out, so code scanning keeps tracking a finding
 * whose text moved up or down (the same identity as `--baseline` uses).
 */
function findingFingerprints(findings: readonly ReportedDiagnostic[], root: string): string[] {
    const seen = new Map<string, number>();
    return findings.map(finding => {
        // The URI, not the path as printed: the same on every platform.
        const key = JSON.stringify([artifactLocation(finding.file, root).uri, finding.code, finding.message]);
        const rank = seen.get(key) ?? 0;
        seen.set(key, rank + 1);
        return `${createHash('sha256').update(key).digest('hex').slice(0, 32)}:${rank + 1}`;
    });
}

function pascalCase(code: string): string {
    return code
        .split('-')
        .map(word => word.charAt(0).toUpperCase() + word.slice(1))
        .join('');
}
