/**
 * Settings of the language server, read from the client's `workflowArchitect.*` section:
 * severity overrides for the findings that teams weigh differently.
 */
import type { ConfigurationProvider } from 'langium';
import { DefaultConfigurationProvider } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { IssueCodes } from '../validation/issue-codes.js';

export const SETTINGS_SECTION = 'workflowArchitect';

/** Setting name under `workflowArchitect.severity` → the diagnostic code it adjusts. */
export const SEVERITY_SETTINGS: Record<string, string> = {
    handoffWithoutChannel: IssueCodes.HandoffWithoutChannel,
    individualOwner: IssueCodes.IndividualOwner,
};

const SEVERITIES: Record<string, DiagnosticSeverity | 'off'> = {
    error: DiagnosticSeverity.Error,
    warning: DiagnosticSeverity.Warning,
    information: DiagnosticSeverity.Information,
    hint: DiagnosticSeverity.Hint,
    off: 'off',
};

export class WorkflowConfigurationProvider extends DefaultConfigurationProvider {
    protected override toSectionName(): string {
        return SETTINGS_SECTION;
    }
}

/** Applies the `workflowArchitect.severity.*` settings: changes severities, drops findings set to `off`. */
export async function applySeverityOverrides(
    configuration: ConfigurationProvider,
    languageId: string,
    diagnostics: Diagnostic[],
): Promise<Diagnostic[]> {
    const settings = (await configuration.getConfiguration(languageId, 'severity')) as Record<string, string> | undefined;
    if (!settings || typeof settings !== 'object') {
        return diagnostics;
    }
    const byCode = new Map<string, DiagnosticSeverity | 'off'>();
    for (const [setting, code] of Object.entries(SEVERITY_SETTINGS)) {
        const severity = SEVERITIES[String(settings[setting])];
        if (severity !== undefined) byCode.set(code, severity);
    }
    return diagnostics.flatMap(diagnostic => {
        const severity = byCode.get(String(diagnostic.code));
        if (severity === undefined) return [diagnostic];
        return severity === 'off' ? [] : [{ ...diagnostic, severity }];
    });
}
