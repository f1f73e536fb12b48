/**
 * Applies the severities of a workspace's `.workflowrc.json` to the diagnostics of one of its
 * documents: a code set to `off` is dropped, another gets the configured severity. The
 * configuration never switches off `syntax-error` or `unresolved-reference` (it refuses to).
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { RuleSeverity, WorkflowRc } from '../workspace/workflow-rc.js';
import { severityOf } from '../workspace/workflow-rc.js';

export const LSP_SEVERITY: Record<Exclude<RuleSeverity, 'off'>, DiagnosticSeverity> = {
    error: DiagnosticSeverity.Error,
    warning: DiagnosticSeverity.Warning,
    info: DiagnosticSeverity.Information,
    hint: DiagnosticSeverity.Hint,
};

/** The LSP severity of a code under a configuration, or `off`. */
export function configuredSeverity(rc: WorkflowRc | undefined, code: string): DiagnosticSeverity | 'off' | undefined {
    const severity = severityOf(rc, code);
    return severity === undefined ? undefined : severity === 'off' ? 'off' : LSP_SEVERITY[severity];
}

export function applyConfiguredSeverities(diagnostics: Diagnostic[], rc: WorkflowRc | undefined): Diagnostic[] {
    if (!rc || rc.rules.size === 0) return diagnostics;
    return diagnostics.flatMap(diagnostic => {
        const code = String(diagnostic.code ?? '');
        if (!rc.rules.has(code)) return [diagnostic];
        const severity = configuredSeverity(rc, code);
        if (severity === 'off') return [];
        return severity === undefined ? [diagnostic] : [{ ...diagnostic, severity }];
    });
}
