/**
 * Organization map benchmark: the map's analysis and its two candidate layouts (ELK layered with
 * labels, ELK force; layered also at the minimum-hand-offs threshold a large map opens with) on the examples and on generated workspaces of N teams × M workflows, with
 * the readability problems `diagram/org-layout-quality.ts` counts. `npm run bench -- org`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { LangiumDocument } from 'langium';
import { createElk } from '../diagram/elk.js';
import { layoutOrgMap } from '../diagram/org-layout.js';
import { orgLayoutProblems } from '../diagram/org-layout-quality.js';
import { defaultMinHandoffs, teamLinks } from '../diagram/org-links.js';
import { organizationMap } from '../language/src/analysis/org-map.js';
import { buildWorkspace } from '../language/src/workspace/workflow-workspace.js';
import { median, ms, printTable } from './measure.js';
import { generateOrgWorkspace } from './org-workspace.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);

async function workspaces(): Promise<Array<[string, LangiumDocument[]]>> {
    const examples = fs.readdirSync('examples').filter(name => name.endsWith('.workflow'));
    const result: Array<[string, LangiumDocument[]]> = [
        [
            'examples',
            (
                await buildWorkspace(
                    examples.map(name => ({
                        uri: path.resolve('examples', name),
                        text: fs.readFileSync(path.join('examples', name), 'utf8'),
                    })),
                )
            ).documents,
        ],
    ];
    for (const [teams, workflows] of [
        [10, 20],
        [30, 60],
        [60, 150],
    ]) {
        const generated = generateOrgWorkspace(teams, workflows);
        const { documents } = await buildWorkspace(generated.files.map(file => ({ uri: `/bench/${file.name}`, text: file.text })));
        result.push([`${teams} teams × ${workflows} workflows`, documents]);
    }
    return result;
}

export async function orgMapBench(): Promise<void> {
    const rows: string[][] = [];
    const elk = createElk();
    for (const [name, documents] of await workspaces()) {
        const analysis: number[] = [];
        let map = organizationMap(documents);
        for (let i = 0; i < RUNS; i++) {
            const start = performance.now();
            map = organizationMap(documents);
            analysis.push(performance.now() - start);
        }
        const threshold = defaultMinHandoffs(teamLinks(map));
        const variants: Array<{ algorithm: 'layered' | 'force'; minHandoffs: number }> = [
            { algorithm: 'layered' as const, minHandoffs: 1 },
            ...(threshold > 1 ? [{ algorithm: 'layered' as const, minHandoffs: threshold }] : []),
            { algorithm: 'force', minHandoffs: 1 },
        ];
        for (const { algorithm, minHandoffs } of variants) {
            for (const systems of [false, true]) {
                const times: number[] = [];
                const options = { systems, algorithm, minHandoffs };
                let layout = await layoutOrgMap(map, elk, options);
                for (let i = 0; i < RUNS; i++) {
                    const start = performance.now();
                    layout = await layoutOrgMap(map, elk, options);
                    times.push(performance.now() - start);
                }
                const problems = orgLayoutProblems(layout);
                rows.push([
                    name,
                    `${layout.edges.filter(edge => edge.kind === 'handoff').length} of ${map.handoffs.length}`,
                    `${algorithm}${minHandoffs > 1 ? ` ≥ ${minHandoffs}` : ''}${systems ? ' + systems' : ''}`,
                    ms(median(analysis)),
                    ms(median(times)),
                    String(problems.edgesThroughLabels),
                    String(problems.edgesThroughBoxes),
                    String(problems.labelsOverBoxes),
                    String(problems.labelsOverLabels),
                    String(problems.edgeCrossings),
                    `${layout.width}×${layout.height}`,
                    // The zoom at which the whole map fits a 1400 × 860 view (capped at 100 %, as the view's fit is).
                    `${Math.round(Math.min(1, 1400 / layout.width, 860 / layout.height) * 100)} %`,
                ]);
            }
        }
    }
    printTable(
        `Organization map: analysis and layout (median of ${RUNS} runs)`,
        [
            'workspace',
            'edges of pairs',
            'layout',
            'analysis',
            'layout time',
            'edge × label',
            'edge × box',
            'label × box',
            'label × label',
            'crossings',
            'size',
            'fit 1400×860',
        ],
        rows,
    );
}
