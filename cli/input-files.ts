/**
 * Finds and reads the workflow files named on the command line. Anything that is not readable
 * workflow text — a missing path, a folder without workflows, a binary, non-UTF-8 or huge file —
 * becomes a `UsageError` with one line that says what is wrong and where.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Bad input or bad usage: printed as one line on stderr, exit code 2. */
export class UsageError extends Error {}

/** Larger files are refused rather than parsed: no real workflow comes near this. */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

export interface InputFile {
    /** The path to print: relative to the current folder when inside it, else as found. */
    readonly displayPath: string;
    readonly absolutePath: string;
    readonly text: string;
}

/** Expands files and folders (searched recursively for `*.workflow`) and reads every file. */
export function readInputFiles(paths: string[]): InputFile[] {
    if (paths.length === 0) {
        throw new UsageError('no files or folders given');
    }
    const found = new Map<string, string>();
    for (const given of paths) {
        for (const file of expand(given)) {
            found.set(path.resolve(file), file);
        }
    }
    return [...found].map(([absolutePath, file]) => ({ absolutePath, displayPath: displayPath(file), text: readText(file) }));
}

function expand(given: string): string[] {
    const stat = statOrThrow(given);
    if (!stat.isDirectory()) {
        return [given];
    }
    const files = findWorkflowFiles(given);
    if (files.length === 0) {
        throw new UsageError(`${given}: no .workflow files in this folder`);
    }
    return files;
}

function statOrThrow(given: string): fs.Stats {
    try {
        return fs.statSync(given);
    } catch (error) {
        throw new UsageError(`${given}: ${describeFsError(error, 'cannot be read')}`);
    }
}

/**
 * A folder may hold a `.workflowignore`: one path per line, relative to that folder (`#` starts a
 * comment), of files or folders that a search through the folder skips. It keeps separate
 * workspaces apart (the bundled `examples/` skips `problems/`); naming a skipped path on the
 * command line still validates it.
 */
export const IGNORE_FILE = '.workflowignore';

function ignoredNames(folder: string): Set<string> {
    const file = path.join(folder, IGNORE_FILE);
    if (!fs.existsSync(file)) {
        return new Set();
    }
    return new Set(fs.readFileSync(file, 'utf8').split(/\r?\n/)
        .map(line => line.replace(/#.*/, '').trim().replace(/^\.\//, '').replace(/\/+$/, ''))
        .filter(line => line.length > 0)
        .map(line => path.join(folder, line)));
}

function findWorkflowFiles(folder: string, ignored = new Set<string>()): string[] {
    const result: string[] = [];
    const entries = fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    const skip = new Set([...ignored, ...ignoredNames(folder)]);
    for (const entry of entries) {
        const full = path.join(folder, entry.name);
        if (skip.has(full)) {
            continue;
        }
        if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) {
            result.push(...findWorkflowFiles(full, skip));
        } else if (entry.isFile() && entry.name.endsWith('.workflow')) {
            result.push(full);
        }
    }
    return result;
}

function readText(file: string): string {
    let bytes: Buffer;
    try {
        const size = fs.statSync(file).size;
        if (size > MAX_FILE_BYTES) {
            throw new UsageError(`${file}: file is too large (${(size / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_FILE_BYTES / 1024 / 1024} MB)`);
        }
        bytes = fs.readFileSync(file);
    } catch (error) {
        if (error instanceof UsageError) throw error;
        throw new UsageError(`${file}: ${describeFsError(error, 'cannot be read')}`);
    }
    if (bytes.includes(0)) {
        throw new UsageError(`${file}: binary file, not workflow text`);
    }
    try {
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
        throw new UsageError(`${file}: not valid UTF-8 text`);
    }
}

function describeFsError(error: unknown, fallback: string): string {
    switch ((error as NodeJS.ErrnoException).code) {
        case 'ENOENT': return 'no such file or folder';
        case 'EACCES':
        case 'EPERM': return 'permission denied';
        case 'EISDIR': return 'is a folder';
        default: return fallback;
    }
}

function displayPath(file: string): string {
    const relative = path.relative(process.cwd(), path.resolve(file));
    return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}
