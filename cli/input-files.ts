/**
 * Finds and reads the workflow files named on the command line. Every command goes through
 * here, and every path through one classification: only regular files (or symbolic links to
 * them) are read, never more than a size limit; folders are searched; anything else — a FIFO, a
 * device, a socket, a file that is not `.workflow`, a missing path, a binary, non-UTF-8 or huge
 * file — becomes a `UsageError` with one line that says what is wrong and where.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Bad input or bad usage: printed as one line on stderr, exit code 2. */
export class UsageError extends Error {}

/** Larger files are refused rather than parsed: no real workflow comes near this. */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

/** A `.workflowignore` is a short list of paths. */
export const MAX_IGNORE_FILE_BYTES = 1024 * 1024;

const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

export interface InputFile {
    /** The path to print: relative to the current folder when inside it, else as found (pass it through `printable` for text output). */
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
    return [...found].map(([absolutePath, file]) => readInputFile(file, absolutePath));
}

/**
 * The workspace of one file, as `render` loads it: the file itself (which must be readable),
 * then the files a `validate` of its folder would read. A sibling that cannot be read is left
 * out and named in `skipped`, so one broken neighbour does not stop the command.
 */
export function readFileWorkspace(file: string): { target: InputFile; others: InputFile[]; skipped: string[] } {
    if (classify(file) === 'folder') {
        throw new UsageError(`${printable(file)}: render takes one file, not a folder`);
    }
    const target = readInputFile(file, path.resolve(file));
    const others: InputFile[] = [];
    const skipped: string[] = [];
    for (const sibling of findWorkflowFiles(path.dirname(file), new Set(), skipped)) {
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
    return { target, others, skipped };
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

function expand(given: string): string[] {
    if (classify(given) === 'file') {
        if (!given.endsWith('.workflow')) {
            throw new UsageError(`${printable(given)}: not a .workflow file`);
        }
        return [given];
    }
    const files = findWorkflowFiles(given);
    if (files.length === 0) {
        throw new UsageError(`${printable(given)}: no .workflow files in this folder`);
    }
    return files;
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
    if (classify(file) === 'folder') {
        throw new UsageError(`${printable(file)}: is a folder, but should be a file listing paths to skip`);
    }
    const text = decodeText(file, readRegularFile(file, MAX_IGNORE_FILE_BYTES));
    return new Set(
        text
            .split(/\r?\n|\r/)
            .map(line => line.replace(/#.*/, '').trim().replace(/^\.\//, '').replace(/\/+$/, ''))
            .filter(line => line.length > 0)
            .map(line => path.join(folder, line)),
    );
}

/**
 * Every `.workflow` file below a folder, by name, honouring `.workflowignore`. Symbolic links to
 * files count like files; symbolic links to folders are not followed (they could form a cycle).
 * A problem (a folder or ignore file that cannot be read, a link to a pipe or to nothing) is
 * thrown as a `UsageError`, or, when `problems` is given, added to it and the entry left out.
 */
function findWorkflowFiles(folder: string, ignored = new Set<string>(), problems?: string[]): string[] {
    const problem = (message: string): void => {
        if (!problems) throw new UsageError(message);
        problems.push(message);
    };
    let entries: fs.Dirent[];
    let skip: Set<string>;
    try {
        entries = fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
        skip = new Set([...ignored, ...ignoredNames(folder)]);
    } catch (error) {
        problem(error instanceof UsageError ? error.message : `${printable(folder)}: ${describeFsError(error, 'cannot be read')}`);
        return [];
    }
    const result: string[] = [];
    for (const entry of entries) {
        const full = path.join(folder, entry.name);
        if (skip.has(full)) {
            continue;
        }
        if (entry.isDirectory()) {
            if (!SKIPPED_FOLDERS.has(entry.name)) {
                result.push(...findWorkflowFiles(full, skip, problems));
            }
        } else if (entry.name.endsWith('.workflow')) {
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
