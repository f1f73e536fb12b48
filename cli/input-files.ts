/**
 * Finds and reads the workflow files named on the command line. Every command goes through
 * here, and every path through one classification: only regular files (or symbolic links to
 * them) are read, never more than a size limit; folders are searched; anything else — a FIFO, a
 * device, a socket, a file that is not `.workflow`, a missing path, a binary, non-UTF-8 or huge
 * file — becomes a `UsageError` with one line that says what is wrong and where.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI } from 'langium';
import type { WorkflowRc } from '../language/src/workspace/workflow-rc.js';
import { IGNORE_FILE, RC_FILE, resolveWorkflowRc } from '../language/src/workspace/workflow-rc.js';

/** Bad input or bad usage: printed as one line on stderr, exit code 2. */
export class UsageError extends Error {}

/** Larger files are refused rather than parsed: no real workflow comes near this. */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

/** `.workflowrc.json` and `.workflowignore` are short. */
export const MAX_CONFIG_FILE_BYTES = 1024 * 1024;

/** The ignore file, read at the workspace root (see `language/src/workspace/workflow-rc.ts`). */
export { IGNORE_FILE };

const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

export interface InputFile {
    /** The path to print: relative to the current folder when inside it, else as found (pass it through `printable` for text output). */
    readonly displayPath: string;
    readonly absolutePath: string;
    readonly text: string;
}

/** The files and the configurations of the workspace roots of the paths given on the command line. */
export interface InputWorkspace {
    readonly files: InputFile[];
    readonly configurations: WorkflowRc[];
}

/** Expands files and folders (searched recursively for `*.workflow`) and reads every file. */
export function readInputFiles(paths: string[]): InputFile[] {
    return readInputWorkspace(paths).files;
}

/**
 * Expands files and folders and reads every file, with the configuration of each path's root
 * (the folder given, or the nearest folder above a file that holds a configuration file). A
 * folder is searched with its root's `ignore`; a file named on the command line is read even when
 * ignored. A bad configuration is a `UsageError` that names the file, line and column.
 */
export function readInputWorkspace(paths: string[]): InputWorkspace {
    if (paths.length === 0) {
        throw new UsageError('no files or folders given');
    }
    const roots = new Map<string, RootConfiguration>();
    const rootOf = (folder: string) => {
        const key = path.resolve(folder);
        let root = roots.get(key);
        if (!root) roots.set(key, (root = readRootConfiguration(folder)));
        return root;
    };
    const found = new Map<string, string>();
    for (const given of paths) {
        for (const file of expand(given, rootOf)) {
            found.set(path.resolve(file), file);
        }
    }
    return {
        files: [...found].map(([absolutePath, file]) => readInputFile(file, absolutePath)),
        configurations: [...roots.values()].map(root => root.rc),
    };
}

/**
 * The workspace of one file, as `render` loads it: the file itself (which must be readable),
 * then the files a `validate` of its root would read (its root: the nearest folder above it with
 * a configuration file, else its own folder). A sibling that cannot be read is left out and
 * named in `skipped`, so one broken neighbour does not stop the command.
 */
export function readFileWorkspace(file: string): {
    target: InputFile;
    others: InputFile[];
    skipped: string[];
    configurations: WorkflowRc[];
} {
    if (classify(file) === 'folder') {
        throw new UsageError(`${printable(file)}: render takes one file, not a folder`);
    }
    const target = readInputFile(file, path.resolve(file));
    const root = readRootConfiguration(rootFolderOf(file));
    const others: InputFile[] = [];
    const skipped: string[] = [];
    for (const sibling of findWorkflowFiles(root.folder, root, skipped)) {
        const absolutePath = path.resolve(sibling);
        if (absolutePath === target.absolutePath) {
            continue;
        }
        try {
            others.push(readInputFile(sibling, absolutePath));
        } catch (error) {
            if (!(error instanceof UsageError)) throw error;
            skipped.push(error.message);
        }
    }
    return { target, others, skipped, configurations: [root.rc] };
}

/** A workspace root of the command line: its folder as given, and its configuration. */
interface RootConfiguration {
    readonly folder: string;
    readonly rc: WorkflowRc;
    /** Whether the configuration leaves out a path below the root. */
    ignores(file: string, isFolder: boolean): boolean;
}

/** The root of a file: the nearest folder above it that holds `.workflowrc.json` or `.workflowignore`, else its own folder. */
function rootFolderOf(file: string): string {
    const own = path.dirname(file);
    for (let folder = path.resolve(own); ; folder = path.dirname(folder)) {
        if ([RC_FILE, IGNORE_FILE].some(name => lstatOrUndefined(path.join(folder, name)))) {
            return folder === path.resolve(own) ? own : path.relative(process.cwd(), folder) || '.';
        }
        if (path.dirname(folder) === folder) return own;
    }
}

/** Reads and checks the configuration files of a root; a problem in them is a `UsageError` at its line and column. */
function readRootConfiguration(folder: string): RootConfiguration {
    const readIfPresent = (name: string, limit: number): string | undefined => {
        const file = path.join(folder, name);
        if (!lstatOrUndefined(file)) return undefined;
        if (classify(file) === 'folder') {
            throw new UsageError(`${printable(file)}: is a folder, but should be a file`);
        }
        return decodeText(file, readRegularFile(file, limit));
    };
    const absolute = path.resolve(folder);
    const rc = resolveWorkflowRc(URI.file(absolute), {
        rc: readIfPresent(RC_FILE, MAX_CONFIG_FILE_BYTES),
        ignore: readIfPresent(IGNORE_FILE, MAX_CONFIG_FILE_BYTES),
    });
    const problem = rc.problems[0];
    if (problem) {
        const { line, character } = problem.range.start;
        throw new UsageError(`${printable(displayPath(path.join(folder, RC_FILE)))}:${line + 1}:${character + 1}: ${problem.message}`);
    }
    return {
        folder,
        rc,
        ignores: (file, isFolder) => {
            const relative = path.relative(absolute, path.resolve(file)).split(path.sep).join('/');
            if (!relative || relative.startsWith('..') || path.isAbsolute(relative)) return false;
            return rc.isIgnored(isFolder ? `${relative}/` : relative);
        },
    };
}

type Kind = 'file' | 'folder';

/** What a path is, following symbolic links: a regular file or a folder; anything else is refused. */
function classify(given: string): Kind {
    let stat: fs.Stats;
    try {
        stat = fs.statSync(given);
    } catch (error) {
        throw new UsageError(`${printable(given)}: ${describeFsError(error, 'cannot be read')}`);
    }
    if (stat.isDirectory()) return 'folder';
    if (stat.isFile()) return 'file';
    throw new UsageError(`${printable(given)}: ${describeSpecialFile(stat)}, not a regular file`);
}

function describeSpecialFile(stat: fs.Stats): string {
    if (stat.isFIFO()) return 'a named pipe';
    if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
    if (stat.isSocket()) return 'a socket';
    return 'a special file';
}

function expand(given: string, rootOf: (folder: string) => RootConfiguration): string[] {
    if (classify(given) === 'file') {
        if (!given.endsWith('.workflow')) {
            throw new UsageError(`${printable(given)}: not a .workflow file`);
        }
        rootOf(rootFolderOf(given));
        return [given];
    }
    const files = findWorkflowFiles(given, rootOf(given));
    if (files.length === 0) {
        throw new UsageError(`${printable(given)}: no .workflow files in this folder`);
    }
    return files;
}

/**
 * Every `.workflow` file below a folder, by name, leaving out what the configuration of its
 * workspace root ignores (gitignore semantics: a folder left out is not entered, so a negated
 * pattern cannot bring back a file inside it). Symbolic links to files count like files; symbolic
 * links to folders are not followed (they could form a cycle). A problem (a folder that cannot be
 * read, a link to a pipe or to nothing) is thrown as a `UsageError`, or, when `problems` is
 * given, added to it and the entry left out.
 */
function findWorkflowFiles(folder: string, root: RootConfiguration, problems?: string[]): string[] {
    const problem = (message: string): void => {
        if (!problems) throw new UsageError(message);
        problems.push(message);
    };
    let entries: fs.Dirent[];
    try {
        entries = fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    } catch (error) {
        problem(`${printable(folder)}: ${describeFsError(error, 'cannot be read')}`);
        return [];
    }
    const result: string[] = [];
    for (const entry of entries) {
        const full = path.join(folder, entry.name);
        if (entry.isDirectory()) {
            if (!SKIPPED_FOLDERS.has(entry.name) && !root.ignores(full, true)) {
                result.push(...findWorkflowFiles(full, root, problems));
            }
        } else if (entry.name.endsWith('.workflow') && !root.ignores(full, false)) {
            if (entry.isFile()) {
                result.push(full);
            } else if (entry.isSymbolicLink()) {
                const target = statOrUndefined(full);
                if (target?.isFile()) {
                    result.push(full);
                } else if (!target) {
                    problem(`${printable(full)}: broken symbolic link`);
                } else if (!target.isDirectory()) {
                    problem(`${printable(full)}: links to ${describeSpecialFile(target)}, not a regular file`);
                }
            } else {
                problem(`${printable(full)}: ${describeSpecialFile(fs.lstatSync(full))}, not a regular file`);
            }
        }
    }
    return result;
}

function statOrUndefined(file: string): fs.Stats | undefined {
    try {
        return fs.statSync(file);
    } catch {
        return undefined;
    }
}

function lstatOrUndefined(file: string): fs.Stats | undefined {
    try {
        return fs.lstatSync(file);
    } catch {
        return undefined;
    }
}

function readInputFile(file: string, absolutePath: string): InputFile {
    if (!file.endsWith('.workflow')) {
        throw new UsageError(`${printable(file)}: not a .workflow file`);
    }
    return { absolutePath, displayPath: displayPath(file), text: decodeText(file, readRegularFile(file, MAX_FILE_BYTES)) };
}

/**
 * Reads a regular file of at most `limit` bytes. The file is opened without blocking and checked
 * on the open descriptor, so a path that turns into a pipe or a device after it was classified
 * is refused too, and a file that grows while being read is cut off at the limit and refused.
 */
export function readRegularFile(file: string, limit: number): Buffer {
    let fd: number;
    try {
        fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    } catch (error) {
        throw new UsageError(`${printable(file)}: ${describeFsError(error, 'cannot be read')}`);
    }
    try {
        const stat = fs.fstatSync(fd);
        if (stat.isDirectory()) {
            throw new UsageError(`${printable(file)}: is a folder`);
        }
        if (!stat.isFile()) {
            throw new UsageError(`${printable(file)}: ${describeSpecialFile(stat)}, not a regular file`);
        }
        const tooLarge = () => new UsageError(`${printable(file)}: file is too large (the limit is ${formatBytes(limit)})`);
        if (stat.size > limit) {
            throw tooLarge();
        }
        const buffer = Buffer.alloc(limit + 1);
        let length = 0;
        for (;;) {
            const read = fs.readSync(fd, buffer, length, buffer.length - length, null);
            if (read === 0) break;
            length += read;
            if (length > limit) throw tooLarge();
        }
        return buffer.subarray(0, length);
    } catch (error) {
        if (error instanceof UsageError) throw error;
        throw new UsageError(`${printable(file)}: ${describeFsError(error, 'cannot be read')}`);
    } finally {
        fs.closeSync(fd);
    }
}

export function decodeText(file: string, bytes: Buffer): string {
    if (bytes.includes(0)) {
        throw new UsageError(`${printable(file)}: binary file, not workflow text`);
    }
    try {
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
        throw new UsageError(`${printable(file)}: not valid UTF-8 text`);
    }
}

function formatBytes(bytes: number): string {
    return bytes >= 1024 * 1024 ? `${bytes / 1024 / 1024} MB` : `${bytes / 1024} KB`;
}

function describeFsError(error: unknown, fallback: string): string {
    switch ((error as NodeJS.ErrnoException).code) {
        case 'ENOENT':
            return 'no such file or folder';
        case 'EACCES':
        case 'EPERM':
            return 'permission denied';
        case 'EISDIR':
            return 'is a folder';
        case 'ELOOP':
            return 'too many levels of symbolic links';
        case 'ENAMETOOLONG':
            return 'path too long';
        default:
            return fallback;
    }
}

/**
 * A path as it can be printed on one line: control characters (a newline in a file name) are
 * written as escapes, so `file:line:column` output and error lines stay one line each.
 */
export function printable(file: string): string {
    return file.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, char => {
        switch (char) {
            case '\n':
                return '\\n';
            case '\r':
                return '\\r';
            case '\t':
                return '\\t';
            default:
                return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
        }
    });
}

function displayPath(file: string): string {
    const relative = path.relative(process.cwd(), path.resolve(file));
    return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}
