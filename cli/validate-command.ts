/**
 * `workflow-architect validate PATH... [--format text|json]`: every file loaded as one workspace,
 * diagnostics printed as `file:line:column severity code message` or as JSON.
 * Exit code 0 without errors, 1 with at least one error.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { diagnosticsOf } from '../language/src/workspace/workflow-workspace.js';
import type { CommandOptions } from './commands.js';
import { printable, readInputWorkspace } from './input-files.js';
import { loadWorkspace } from './load-workspace.js';

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
    { format }: CommandOptions<'validate'>,
    write: (text: string) => void,
): Promise<number> {
    const { files, configurations } = readInputWorkspace(paths);
    const { documents } = await loadWorkspace(files, configurations);
    const reported = documents.flatMap((document, index) =>
        diagnosticsOf(document).map(diagnostic => toReported(files[index].displayPath, diagnostic)),
    );
    if (format === 'json') {
        write(JSON.stringify({ files: files.length, diagnostics: reported }, undefined, 2) + '\n');
    } else {
        for (const d of reported) {
            write(`${printable(d.file)}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}\n`);
        }
    }
    return reported.some(d => d.severity === 'error') ? 1 : 0;
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
