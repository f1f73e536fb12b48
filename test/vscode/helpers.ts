/** Helpers for tests that run inside VS Code, written against the `vscode` API only. */
import * as vscode from 'vscode';

export const EXTENSION_ID = 'workflow-architect.workflow-architect';

/** The bundled examples folder, opened as the test workspace. */
export function workspaceFile(...segments: string[]): vscode.Uri {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) {
        throw new Error('the tests need the examples folder open as the workspace');
    }
    return vscode.Uri.joinPath(folder.uri, ...segments);
}

export async function openEditor(uri: vscode.Uri): Promise<vscode.TextEditor> {
    const document = await vscode.workspace.openTextDocument(uri);
    return vscode.window.showTextDocument(document);
}

export function codeOf(diagnostic: vscode.Diagnostic): string {
    const code = diagnostic.code;
    return typeof code === 'object' ? String(code.value) : String(code);
}

/** Waits until the diagnostics of a document satisfy `accept`, or fails after `timeoutMs`. */
export async function waitForDiagnostics(
    uri: vscode.Uri,
    accept: (diagnostics: vscode.Diagnostic[]) => boolean,
    timeoutMs = 30_000,
): Promise<vscode.Diagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        const current = vscode.languages.getDiagnostics(uri);
        if (accept(current)) {
            return current;
        }
        if (Date.now() > deadline) {
            throw new Error(`diagnostics never matched; last: ${JSON.stringify(current.map(d => `${codeOf(d)}: ${d.message}`))}`);
        }
        await new Promise<void>(resolve => {
            const subscription = vscode.languages.onDidChangeDiagnostics(() => {
                subscription.dispose();
                resolve();
            });
            setTimeout(() => {
                subscription.dispose();
                resolve();
            }, 250);
        });
    }
}

/** Retries a provider command until it returns something that `accept` takes (the server may still be loading). */
export async function until<T>(query: () => Thenable<T>, accept: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        const value = await query();
        if (accept(value) || Date.now() > deadline) {
            return value;
        }
        await new Promise(resolve => setTimeout(resolve, 200));
    }
}

export function positionOf(document: vscode.TextDocument, text: string, offsetInText = 0): vscode.Position {
    const index = document.getText().indexOf(text);
    if (index < 0) {
        throw new Error(`'${text}' not found in ${document.uri.toString()}`);
    }
    return document.positionAt(index + offsetInText);
}

export function labelsOf(list: vscode.CompletionList | undefined): string[] {
    return (list?.items ?? []).map(item => (typeof item.label === 'string' ? item.label : item.label.label));
}

/** Reverts a document to its text on disk, whichever editor is active. */
export async function revert(document: vscode.TextDocument): Promise<void> {
    if (!document.isDirty) return;
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await until(
        async () => document.isDirty,
        dirty => !dirty,
        5000,
    );
    if (document.isDirty) throw new Error(`${document.uri.toString()} could not be reverted`);
}

/**
 * Reverts and closes every editor with unsaved changes, so closing the others asks nothing: a
 * test workbench answers such a dialog by itself, and might save an example with a test's edits.
 */
export async function discardChanges(): Promise<void> {
    for (const document of vscode.workspace.textDocuments.filter(candidate => candidate.isDirty)) {
        await vscode.window.showTextDocument(document);
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
}

/**
 * Turns auto save off for the test run. VS Code for the Web — and code-server, whose workbench is
 * the web one — saves an edited file after one second by default (`files.autoSave` is `afterDelay`
 * there, `off` on the desktop). The tests edit the examples and put them back with a revert, which
 * reads the file again: on a loaded machine an edit outlived that second, was written to the
 * example, and the revert then brought the edit back instead of the original text.
 */
export async function keepEditsUnsaved(): Promise<void> {
    const files = () => vscode.workspace.getConfiguration('files');
    await files().update('autoSave', 'off', vscode.ConfigurationTarget.Global);
    const mode = await until(
        async () => files().get<string>('autoSave'),
        value => value === 'off',
        10_000,
    );
    if (mode !== 'off') throw new Error(`files.autoSave is still '${mode}'`);
}

/**
 * Opens a new untitled document holding exactly `content`. VS Code reuses the `Untitled-N` names
 * of closed documents and fills a new one from a backup of an earlier document of that name when
 * one survived its close (on a loaded machine the backup written after the last edit can land
 * just after the close): the document then starts with that earlier text, here replaced.
 */
export async function openUntitled(language: string, content: string): Promise<vscode.TextDocument> {
    const document = await vscode.workspace.openTextDocument({ language, content });
    if (document.getText() !== content) {
        console.log(
            `${document.uri.toString()} opened with an earlier document's text: ${JSON.stringify(document.getText().slice(0, 40))}`,
        );
        const edit = new vscode.WorkspaceEdit();
        edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), content);
        if (!(await vscode.workspace.applyEdit(edit)) || document.getText() !== content) {
            throw new Error(`${document.uri.toString()} does not hold the text it was opened with`);
        }
    }
    return document;
}
