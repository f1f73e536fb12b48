/**
 * `workflow-architect matrix PATH... [--format md|csv]`: the ownership matrix of every step and
 * decision in the files and folders given, loaded as one workspace.
 */
import { pathToFileURL } from 'node:url';
import { matrixCsv, matrixMarkdown, ownershipMatrix } from '../language/src/analysis/ownership-matrix.js';
import { buildWorkspace } from '../language/src/workspace/workflow-workspace.js';
import type { CommandOptions } from './commands.js';
import { readInputFiles } from './input-files.js';

export async function matrixCommand(paths: string[], { format }: CommandOptions<'matrix'>, write: (text: string) => void): Promise<number> {
    const files = readInputFiles(paths);
    const { documents } = await buildWorkspace(files.map(file => ({ uri: pathToFileURL(file.absolutePath).toString(), text: file.text })));
    const rows = ownershipMatrix(documents);
    write(format === 'md' ? matrixMarkdown(rows) : matrixCsv(rows));
    return 0;
}
