/**
 * `validate --baseline FILE`: a previous `--format json` report whose findings are accepted, so
 * that only new findings are reported and counted. A finding is matched by file, code and message,
 * never by line, so editing above a known finding does not bring it back; identical findings are
 * matched as a multiset (two in the baseline absorb two, a third is new).
 */
import * as path from 'node:path';
import { decodeText, printable, readRegularFile, UsageError } from './input-files.js';
import type { ReportedDiagnostic } from './validate-command.js';

/** A baseline lists every finding of a workspace; it may be far larger than one workflow file. */
const MAX_BASELINE_BYTES = 64 * 1024 * 1024;

export interface BaselineFinding {
    readonly file: string;
    readonly code: string;
    readonly message: string;
}

/** Reads and checks a baseline; anything that is not a `validate --format json` report is a `UsageError`. */
export function readBaseline(file: string): BaselineFinding[] {
    const text = decodeText(file, readRegularFile(file, MAX_BASELINE_BYTES));
    const fail = (why: string) => new UsageError(`${printable(file)}: not a baseline: ${why} (write one with 'validate --format json')`);
    let report: unknown;
    try {
        report = JSON.parse(text);
    } catch (error) {
        throw fail(`invalid JSON (${error instanceof Error ? error.message : String(error)})`);
    }
    if (!isObject(report) || !Array.isArray(report.diagnostics)) {
        throw fail('expected an object with a "diagnostics" list');
    }
    return report.diagnostics.map((entry: unknown, index: number) => {
        if (!isObject(entry)) throw fail(`diagnostics[${index}] is not an object`);
        for (const key of ['file', 'code', 'message']) {
            if (typeof entry[key] !== 'string') throw fail(`diagnostics[${index}] has no "${key}" text`);
        }
        return { file: String(entry.file), code: String(entry.code), message: String(entry.message) };
    });
}

/**
 * The findings that the baseline does not account for, in their order. Files are compared as
 * paths resolved against the current folder, so `./a.workflow` and `a.workflow` are one file.
 */
export function newFindings(findings: readonly ReportedDiagnostic[], baseline: readonly BaselineFinding[]): ReportedDiagnostic[] {
    const remaining = new Map<string, number>();
    for (const known of baseline) {
        const key = identity(known);
        remaining.set(key, (remaining.get(key) ?? 0) + 1);
    }
    return findings.filter(finding => {
        const key = identity(finding);
        const left = remaining.get(key) ?? 0;
        if (left === 0) return true;
        remaining.set(key, left - 1);
        return false;
    });
}

function identity(finding: BaselineFinding): string {
    return JSON.stringify([path.resolve(finding.file), finding.code, finding.message]);
}

function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
