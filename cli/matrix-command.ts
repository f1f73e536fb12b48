/**
 * `workflow-architect matrix PATH... [--format md|csv]`: the ownership matrix of every step and
 * decision in the files and folders given, loaded as one workspace.
 */
import { matrixCsv, matrixMarkdown, ownershipMatrix } from '../language/src/analysis/ownership-matrix.js';
import type { CommandOptions } from './commands.js';
import { loadInputWorkspace } from './load-workspace.js';

export async function matrixCommand(paths: string[], { format }: CommandOptions<'matrix'>, write: (text: string) => void): Promise<number> {
    const { documents } = await loadInputWorkspace(paths);
    const rows = ownershipMatrix(documents);
    write(format === 'md' ? matrixMarkdown(rows) : matrixCsv(rows));
    return 0;
}
