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
import { printable, readFileWorkspace, readInputWorkspace, UsageError } from './input-files.js';
import type { Workflow } from '../language/src/generated/ast.js';
import type { LangiumDocument } from 'langium';
import { workflowsOf } from '../language/src/workspace/workspace-queries.js';

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

/**
 * One workflow of a file, loaded with the other workflows of its folder (`render`, `simulate`):
 * the one named, or the file's first. Skipped neighbours are told through `note`.
 */
export async function loadFileWorkflow(
    file: string,
    name: string | undefined,
    note: (line: string) => void,
): Promise<{ target: InputFile; document: LangiumDocument; workflow: Workflow }> {
    const { target, others, skipped, configurations } = readFileWorkspace(file);
    for (const problem of skipped) note(`skipped ${problem}`);
    const { documents } = await loadWorkspace([target, ...others], configurations);
    const document = documents[0];
    const workflows = workflowsOf(document);
    if (workflows.length === 0) throw new UsageError(`${printable(file)}: no workflow in this file`);
    const workflow = name === undefined ? workflows[0] : workflows.find(candidate => candidate.name === name);
    if (!workflow) {
        throw new UsageError(`${printable(file)}: no workflow named '${name}' (this file has ${workflows.map(w => w.name).join(', ')})`);
    }
    return { target, document, workflow };
}
