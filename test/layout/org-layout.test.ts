/**
 * The organization map's layout in process: one line per team pair with both directions on it,
 * the minimum-hand-offs filter and the threshold a map opens with, no step next to an arrowhead,
 * and no label problem on the examples or on the generated 30-team, 60-workflow workspace.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createElk } from '../../diagram/elk.js';
import type { OrgLayout } from '../../diagram/org-layout.js';
import { layoutOrgMap } from '../../diagram/org-layout.js';
import { orgLayoutProblems } from '../../diagram/org-layout-quality.js';
import { DEFAULT_MAX_LINKS, defaultMinHandoffs, teamLinks } from '../../diagram/org-links.js';
import { organizationMap } from '../../language/src/analysis/org-map.js';
import { buildWorkspace } from '../../language/src/workspace/workflow-workspace.js';
import type { OrgMap } from '../../protocol/org-map.js';
import { generateOrgWorkspace } from '../../bench/org-workspace.js';

async function examplesMap(): Promise<OrgMap> {
    const files = fs.readdirSync('examples').filter(name => name.endsWith('.workflow'));
    const { documents } = await buildWorkspace(
        files.map(name => ({ uri: path.resolve('examples', name), text: fs.readFileSync(path.join('examples', name), 'utf8') })),
    );
    return organizationMap(documents);
}

/** Steps of at most 6 px between the last (or first) segment and the one before it. */
function endJogs(layout: OrgLayout): string[] {
    const jogs: string[] = [];
    for (const edge of layout.edges) {
        const p = edge.points;
        for (const [a, b] of [
            [p[p.length - 2], p[p.length - 3]],
            [p[1], p[2]],
        ]) {
            if (!a || !b || p.length < 4) continue;
            const length = Math.abs(a.x - b.x) + Math.abs(a.y - b.y);
            if (length > 0 && length <= 6) jogs.push(`${edge.id}: ${length} px`);
        }
    }
    return jogs;
}

describe('organization map layout', function () {
    this.timeout(60_000);
    const elk = createElk();

    it('draws one line per team pair, both directions on it', async () => {
        const map = await examplesMap();
        const layout = await layoutOrgMap(map, elk, { systems: false });
        const lines = layout.edges.filter(edge => edge.kind === 'handoff');
        const unordered = new Set(map.handoffs.map(pair => [pair.from, pair.to].sort().join('⇄')));
        assert.equal(lines.length, unordered.size);
        assert.equal(
            lines.reduce((sum, edge) => sum + edge.pairs!.length, 0),
            map.handoffs.length,
        );
        const both = lines.find(edge => edge.id === 'handoff:Procurement>Finance')!;
        assert.deepEqual(
            both.pairs!.map(index => `${map.handoffs[index].from}>${map.handoffs[index].to}`),
            ['Procurement>Finance', 'Finance>Procurement'],
        );
        assert.deepEqual(both.label!.lines, ['5 hand-offs', '3 → Finance', '2 → Procurement', 'Slack 3, SAP 1, ServiceNow 1']);
        assert.deepEqual(endJogs(layout), []);
        const problems = orgLayoutProblems(layout);
        assert.deepEqual(
            [problems.edgesThroughLabels, problems.labelsOverLabels, problems.labelsOverBoxes, problems.edgesThroughBoxes],
            [0, 0, 0, 0],
        );
    });

    it('opens a large map at the smallest threshold that leaves at most 30 lines, with no label problem', async () => {
        const generated = generateOrgWorkspace(30, 60);
        const { documents } = await buildWorkspace(generated.files.map(file => ({ uri: `/ws/${file.name}`, text: file.text })));
        const map = organizationMap(documents);
        const links = teamLinks(map);
        const threshold = defaultMinHandoffs(links);
        const at = (min: number) => links.filter(link => link.count >= min).length;
        assert.ok(at(threshold) <= DEFAULT_MAX_LINKS, `${at(threshold)} lines at ≥ ${threshold}`);
        assert.ok(threshold === 1 || at([1, 2, 3, 5][[1, 2, 3, 5].indexOf(threshold) - 1]) > DEFAULT_MAX_LINKS);
        const layout = await layoutOrgMap(map, elk, { systems: false, minHandoffs: threshold });
        assert.equal(layout.edges.length, at(threshold));
        assert.equal(layout.hiddenLinks, links.length - at(threshold));
        assert.equal(layout.nodes.length, 30, 'every team stays on the map');
        assert.ok(layout.edges.every(edge => edge.pairs!.reduce((sum, index) => sum + map.handoffs[index].count, 0) >= threshold));
        assert.deepEqual(endJogs(layout), []);
        const problems = orgLayoutProblems(layout);
        assert.deepEqual(
            [problems.edgesThroughLabels, problems.labelsOverLabels, problems.labelsOverBoxes, problems.edgesThroughBoxes],
            [0, 0, 0, 0],
        );
        // The whole map at 1 draws every pair, still without a label problem.
        const all = await layoutOrgMap(map, elk, { systems: false, minHandoffs: 1 });
        assert.equal(all.edges.length, links.length);
        const allProblems = orgLayoutProblems(all);
        assert.deepEqual([allProblems.edgesThroughLabels, allProblems.labelsOverLabels, allProblems.labelsOverBoxes], [0, 0, 0]);
    });
});
