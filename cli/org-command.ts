/**
 * `workflow-architect org PATH... [--format md|json|mermaid|svg] [--min-handoffs N] [-o OUT]`: the organization map of
 * the files and folders given, loaded as one workspace.
 */
import * as fs from 'node:fs';
import { createElk } from '../diagram/elk.js';
import { layoutOrgMap } from '../diagram/org-layout.js';
import { defaultMinHandoffs, teamLinks } from '../diagram/org-links.js';
import { orgMermaid } from '../diagram/org-mermaid.js';
import { orgSvgDocument } from '../diagram/org-svg.js';
import { LIGHT_PALETTE } from '../diagram/theme.js';
import { organizationMap } from '../language/src/analysis/org-map.js';
import type { CommandOptions } from './commands.js';
import { loadInputWorkspace } from './load-workspace.js';
import { printable, UsageError } from './input-files.js';
import { orgJson, orgMarkdown } from './org-report.js';

export async function orgCommand(
    paths: string[],
    { format, out, 'min-handoffs': minHandoffs }: CommandOptions<'org'>,
    write: (text: string) => void,
): Promise<number> {
    const { documents } = await loadInputWorkspace(paths);
    const map = organizationMap(documents);
    let output: string;
    switch (format) {
        case 'md':
            output = orgMarkdown(map);
            break;
        case 'json':
            output = JSON.stringify(orgJson(map), undefined, 2) + '\n';
            break;
        case 'mermaid':
            output = orgMermaid(map);
            break;
        case 'svg':
            // The threshold the view opens the map with, so the file is the picture a user saw first.
            output = orgSvgDocument(
                map,
                await layoutOrgMap(map, createElk(), { systems: false, minHandoffs: minHandoffs ?? defaultMinHandoffs(teamLinks(map)) }),
                LIGHT_PALETTE,
            );
            break;
    }
    if (out) {
        try {
            fs.writeFileSync(out, output);
        } catch {
            throw new UsageError(`${printable(out)}: cannot be written`);
        }
    } else {
        write(output);
    }
    return 0;
}
