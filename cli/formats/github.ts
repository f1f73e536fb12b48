/**
 * `validate --format github`: one GitHub Actions workflow command per finding, which the runner
 * turns into an annotation on the file and lines of the pull request:
 * `::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=CODE::message`.
 */
import * as path from 'node:path';
import type { ReportedDiagnostic } from '../validate-command.js';

/** GitHub has three annotation levels; infos and hints are notices. */
const COMMANDS = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' } as const;

export function githubCommands(findings: readonly ReportedDiagnostic[]): string {
    return findings.map(finding => githubCommand(finding) + '\n').join('');
}

function githubCommand(finding: ReportedDiagnostic): string {
    const properties: Array<[string, string | number]> = [
        // GitHub matches the path against the repository's files, written with `/`.
        ['file', finding.file.split(path.sep).join('/')],
        ['line', finding.line],
        ['col', finding.column],
        ['endLine', finding.endLine],
        ['endColumn', finding.endColumn],
        ['title', finding.code],
    ];
    const list = properties.map(([name, value]) => `${name}=${escapeProperty(String(value))}`).join(',');
    return `::${COMMANDS[finding.severity]} ${list}::${escapeData(finding.message)}`;
}

/**
 * The runner reads a command up to the end of the line and splits it at `::`, its properties at
 * `,` and `=`: these characters are percent-encoded, as the Actions toolkit does, and the runner
 * decodes them again.
 */
export function escapeData(text: string): string {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
