/**
 * Builds the workspace of the command line's input files under the configurations of their
 * roots, so that severities, opt-in rules and `ignore` apply as in the editor.
 */
import { pathToFileURL } from 'node:url';
import { EmptyFileSystem } from 'langium';
import { createWorkflowServices } from '../language/src/workflow-module.js';
import type { BuiltWorkspace } from '../language/src/workspace/workflow-workspace.js';
import { buildWorkspace } from '../language/src/workspace/workflow-workspace.js';
import type { WorkflowRc } from '../language/src/workspace/workflow-rc.js';
import { workflowRcOf } from '../language/src/workspace/workflow-rc-store.js';
import type { InputFile } from './input-files.js';
import { readInputWorkspace } from './input-files.js';

export async function loadWorkspace(files: readonly InputFile[], configurations: readonly WorkflowRc[]): Promise<BuiltWorkspace> {
    const services = createWorkflowServices(EmptyFileSystem).Workflow;
    const store = workflowRcOf(services.shared);
    for (const rc of configurations) store.set(rc);
    return buildWorkspace(
        files.map(file => ({ uri: pathToFileURL(file.absolutePath).toString(), text: file.text })),
        services,
    );
}

/** The files and folders a command was given, read and built as one workspace under their configurations. */
export async function loadInputWorkspace(paths: string[]): Promise<{ files: InputFile[]; documents: BuiltWorkspace['documents'] }> {
    const { files, configurations } = readInputWorkspace(paths);
    const { documents } = await loadWorkspace(files, configurations);
    return { files, documents };
}
