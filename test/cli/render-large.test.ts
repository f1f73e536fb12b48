/** `render` on workflows of thousands of steps: the file is written, nothing overflows the stack. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { organizationText, workflowText } from '../../bench/generate.js';
import { runCli } from './run-cli.js';

function chainText(steps: number): string {
    const lines = ['workflow Chain {', '  owner Team0.Lead'];
    for (let i = 0; i < steps; i++) {
        lines.push(`  step S${i} { owner Team${i % 3}.Worker; next ${i + 1 < steps ? `S${i + 1}` : 'Done'} via Sys0 }`);
    }
    lines.push('  end Done', '}');
    return organizationText() + lines.join('\n') + '\n';
}

describe('render of large workflows', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'wa-large-'));
    after(() => fs.rmSync(folder, { recursive: true, force: true }));

    const cases = [
        ['chain', chainText(5000), 5001, 'svg'],
        ['generated', workflowText('Big', 5000), 5000, 'bpmn'],
    ] as const;
    for (const [name, text, nodes, format] of cases) {
        it(`renders a ${name} workflow of 5,000 steps as ${format}`, function () {
            this.timeout(60_000);
            const file = path.join(folder, `${name}.workflow`);
            fs.writeFileSync(file, name === 'chain' ? text : organizationText() + text);
            const out = path.join(folder, `${name}.${format}`);
            const result = runCli(['render', file, '--format', format, '-o', out]);
            assert.equal(result.code, 0, result.stderr);
            const written = fs.readFileSync(out, 'utf8');
            const shapes = format === 'svg' ? written.match(/class="wa-node\b/g) : written.match(/<bpmndi:BPMNShape /g);
            assert.ok(shapes && shapes.length >= nodes, `${format}: ${shapes?.length} shapes for ${nodes} nodes`);
        });
    }
});
