/**
 * The help of each diagnostic code, taken from its section of the language reference
 * (`docs/language.md`, "### `code`"), so that the SARIF rules and the reference never disagree.
 */

export interface RuleHelp {
    /** The section's first paragraph, as plain text. */
    readonly description: string;
    /** The whole section without its heading, as plain text (code blocks indented). */
    readonly text: string;
    /** The whole section without its heading, as Markdown, with links made absolute. */
    readonly markdown: string;
}

/**
 * The section of `code` in the reference, or undefined when the reference has none. `docsUrl` is
 * the address of the reference page: its in-page links (`#configuration`) are made absolute,
 * since the help is shown far from the page (in GitHub's code scanning view).
 */
export function ruleHelp(reference: string, code: string, docsUrl: string): RuleHelp | undefined {
    const lines = sectionLines(reference.split(/\r?\n/), code);
    if (lines === undefined) return undefined;
    const markdown = lines
        .join('\n')
        .replace(/\]\(#([^)\s]+)\)/g, (_match, anchor: string) => `](${docsUrl}#${anchor})`)
        .trim();
    if (markdown === '') return undefined;
    const text = plainText(markdown);
    return { description: text.split(/\n\s*\n/)[0].replace(/\s*\n\s*/g, ' '), text, markdown };
}

/** The lines after `### \`code\``, up to the next heading of the same or a higher level (headings inside code blocks do not count). */
function sectionLines(lines: string[], code: string): string[] | undefined {
    const start = lines.findIndex(line => line.trim() === `### \`${code}\``);
    if (start < 0) return undefined;
    const body: string[] = [];
    let fenced = false;
    for (const line of lines.slice(start + 1)) {
        if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
        if (!fenced && /^#{1,3}\s/.test(line)) break;
        body.push(line);
    }
    return body;
}

/** Markdown to readable plain text: no emphasis markers, links as their text, code blocks indented by four spaces. */
function plainText(markdown: string): string {
    let fenced = false;
    const out: string[] = [];
    for (const line of markdown.split('\n')) {
        if (/^\s*(```|~~~)/.test(line)) {
            fenced = !fenced;
            continue;
        }
        out.push(fenced ? `    ${line}` : inlinePlain(line));
    }
    return out.join('\n');
}

function inlinePlain(line: string): string {
    return line
        .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/\*\*([^*]+)\*\*/g, '$1')
        .replace(/(^|[^*\w])\*([^*\s][^*]*)\*(?![*\w])/g, '$1$2');
}

/** The address of a code's section in the reference: GitHub's anchor for "### `dead-end`" is `dead-end`. */
export function ruleHelpUri(docsUrl: string, code: string): string {
    return `${docsUrl}#${code}`;
}
