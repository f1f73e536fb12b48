/** The plain closing line of a test run, which CI logs and readers understand. */
export function closingLine(host: string, stats: { passes: number; failures: number; pending: number } | undefined): string {
    return `${host}: ${stats?.passes ?? 0} passed, ${stats?.failures ?? 0} failed, ${stats?.pending ?? 0} skipped`;
}
