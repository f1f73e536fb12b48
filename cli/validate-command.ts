/**
 * `workflow-architect validate PATH... [--format text|json|sarif|github] [--max-warnings N] [--baseline FILE]`:
 * every file loaded as one workspace, diagnostics printed as `file:line:column severity code message`,
 * as JSON, as SARIF (`formats/sarif.ts`) or as GitHub Actions annotations (`formats/github.ts`);
 * findings of a baseline left out (`baseline.ts`).
 * Exit code 0 without errors, 1 with at least one error or more warnings than allowed.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { diagnosticsOf } from '../language/src/workspace/workflow-workspace.js';
import { newFindings, readBaseline } from './baseline.js';
import type { CommandOptions } from './commands.js';
import { githubCommands } from './formats/github.js';
import { printable } from './input-files.js';
import { loadInputWorkspace } from './load-workspace.js';

export interface ReportedDiagnostic {
    file: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    severity: 'error' | 'warning' | 'info' | 'hint';
    code: string;
    message: string;
}

const SEVERITY_NAMES = {
    [DiagnosticSeverity.Error]: 'error',
    [DiagnosticSeverity.Warning]: 'warning',
    [DiagnosticSeverity.Information]: 'info',
    [DiagnosticSeverity.Hint]: 'hint',
} as const;

/** Runs the command and returns its exit code; output goes through `write`. */
export async function validateCommand(
    paths: string[],
    { format, 'max-warnings': maxWarnings, baseline }: CommandOptions<'validate'>,
    write: (text: string) => void,
    note: (line: string) => void = () => {},
): Promise<number> {
    // Read first: a bad baseline is bad usage, found before any work is done.
    const known = baseline === undefined ? undefined : readBaseline(baseline);
    const { files, documents } = await loadInputWorkspace(paths);
    const found = documents.flatMap((document, index) =>
        diagnosticsOf(document).map(diagnostic => toReported(files[index].displayPath, diagnostic)),
    );
    const reported = known === undefined ? found : newFindings(found, known);
    if (format === 'json') {
        write(JSON.stringify({ files: files.length, diagnostics: reported }, undefined, 2) + '\n');
    } else if (format === 'sarif') {
        write(await sarifReport(reported, new Map(files.map(file => [file.displayPath, file.text]))));
    } else if (format === 'github') {
        write(githubCommands(reported));
    } else {
        for (const d of reported) {
            write(`${printable(d.file)}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}\n`);
        }
    }
    return exitCode(reported, maxWarnings, note);
}

function exitCode(reported: readonly ReportedDiagnostic[], maxWarnings: number | undefined, note: (line: string) => void): number {
    if (reported.some(d => d.severity === 'error')) return 1;
    const warnings = reported.filter(d => d.severity === 'warning').length;
    if (maxWarnings !== undefined && warnings > maxWarnings) {
        note(`${warnings} warning${warnings === 1 ? '' : 's'}, more than --max-warnings ${maxWarnings} allows`);
        return 1;
    }
    return 0;
}

/** Loaded on demand: the bundled texts exist only in the bundle (see `formats/bundled-texts.ts`). */
async function sarifReport(reported: readonly ReportedDiagnostic[], sources: ReadonlyMap<string, string>): Promise<string> {
    const [{ sarifLog }, texts] = await Promise.all([import('./formats/sarif.js'), import('./formats/bundled-texts.js')]);
    const log = sarifLog(reported, {
        version: texts.VERSION,
        informationUri: texts.HOMEPAGE,
        docsUrl: texts.REFERENCE_URL,
        reference: texts.REFERENCE_MARKDOWN,
        root: process.cwd(),
        sources,
    });
    return JSON.stringify(log, undefined, 2) + '\n';
}

function toReported(file: string, diagnostic: Diagnostic): ReportedDiagnostic {
    const { start, end } = diagnostic.range;
    return {
        file,
        line: start.line + 1,
        column: start.character + 1,
        endLine: end.line + 1,
        endColumn: end.character + 1,
        severity: SEVERITY_NAMES[diagnostic.severity ?? DiagnosticSeverity.Error],
        code: String(diagnostic.code ?? 'syntax-error'),
        message: String(diagnostic.message).replace(/\s*\r?\n\s*/g, ' '),
    };
}
