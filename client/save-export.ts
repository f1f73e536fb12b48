/**
 * Writing an exported picture (the flow preview's and the organization map's): to the `target`
 * an export command was given, or where the user picks in a save dialog.
 */
import * as vscode from 'vscode';

export type ExportFormat = 'svg' | 'png';

/**
 * Asks where to save (unless `options` names a target) and writes `data`: SVG text, or PNG as
 * base64. Resolves with the file written, or undefined when the dialog was cancelled.
 */
export async function saveExport(
    data: string,
    format: ExportFormat,
    options: unknown,
    dialog: { defaultUri?: vscode.Uri; title: string },
): Promise<vscode.Uri | undefined> {
    const target =
        targetOf(options) ??
        (await vscode.window.showSaveDialog({
            ...(dialog.defaultUri ? { defaultUri: dialog.defaultUri } : {}),
            filters: format === 'svg' ? { 'SVG image': ['svg'] } : { 'PNG image': ['png'] },
            title: dialog.title,
        }));
    if (!target) return undefined;
    const bytes = format === 'svg' ? new TextEncoder().encode(data) : base64ToBytes(data);
    await vscode.workspace.fs.writeFile(target, bytes);
    return target;
}

/** The `target` of an export command's options: an object, so a menu's resource argument is never taken for it. */
function targetOf(options: unknown): vscode.Uri | undefined {
    const target = typeof options === 'object' && options !== null ? (options as { target?: unknown }).target : undefined;
    if (target instanceof vscode.Uri) return target;
    if (typeof target === 'string') return vscode.Uri.parse(target);
    // A Uri that crossed a process boundary arrives as its components.
    if (typeof target === 'object' && target !== null && typeof (target as { scheme?: unknown }).scheme === 'string')
        return vscode.Uri.from(target as { scheme: string });
    return undefined;
}

function base64ToBytes(base64: string): Uint8Array {
    const binary = atob(base64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
}
