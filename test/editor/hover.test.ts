/**
 * Hover cards for every kind of declaration, on the declaration and on references to it.
 */
import * as assert from 'node:assert/strict';
import type { MarkedFile, TestWorkspace } from '../helpers.js';
import { loadWorkspace } from '../helpers.js';

const ORG = `team Sales "Sales team" { role Rep "Sales representative"; person bob "Bob Stone" as Rep }
team Billing { role Clerk }
system CRM "Customer records" { owner Sales.Rep; access Sales, Billing }`;

const FLOW = `workflow Deal "Close a deal" {
  owner Sales
  sla 1d
  step Quote "Send a quote" { owner Sales.<|>Rep; uses <|>CRM; duration 4h; escalate after 1d to Sales.bob; next Check via CRM }
  decision Check { owner <|>Billing.Clerk; duration 2h; when "ok" -> <|>Won; otherwise -> Lost }
  end Won "Deal won"
  end Lost
}
workflow Other { owner Sales; step S { owner Sales.<|>bob; calls <|>Deal; next E }; end E }`;

async function hoverAt(workspace: TestWorkspace, file: MarkedFile, cursor: number): Promise<string> {
    const hover = await workspace.services.lsp.HoverProvider!.getHoverContent(file.document, {
        textDocument: { uri: file.uri },
        position: file.cursors[cursor],
    });
    const contents = hover?.contents as { value: string } | undefined;
    assert.ok(contents, `a hover at cursor ${cursor}`);
    return contents.value;
}

describe('hover', () => {
    let workspace: TestWorkspace;
    let flow: MarkedFile;
    before(async () => {
        workspace = await loadWorkspace({ 'org.workflow': ORG, 'flow.workflow': FLOW });
        flow = workspace.files['flow.workflow'];
    });

    it('shows a role with its team, title and the steps it owns', async () => {
        const text = await hoverAt(workspace, flow, 0);
        assert.match(text, /\*\*role\*\* `Sales\.Rep` — Sales representative/);
        assert.match(text, /Team: Sales — Sales team/);
        assert.match(text, /Owns: Deal\.Quote/);
    });

    it('shows a system with owner, access list and the steps that use it', async () => {
        const text = await hoverAt(workspace, flow, 1);
        assert.match(text, /\*\*system\*\* `CRM` — Customer records/);
        assert.match(text, /Owner: Sales\.Rep/);
        assert.match(text, /Access: Sales, Billing/);
        assert.match(text, /Used by: Deal\.Quote/);
    });

    it('shows a team with its roles and people', async () => {
        const text = await hoverAt(workspace, flow, 2);
        assert.match(text, /\*\*team\*\* `Billing`/);
        assert.match(text, /Roles: Clerk/);
    });

    it('shows an end with its workflow', async () => {
        const text = await hoverAt(workspace, flow, 3);
        assert.match(text, /\*\*end\*\* `Won` — Deal won/);
        assert.match(text, /Workflow: Deal/);
    });

    it('shows a person with the role they hold', async () => {
        const text = await hoverAt(workspace, flow, 4);
        assert.match(text, /\*\*person\*\* `Sales\.bob` — Bob Stone/);
        assert.match(text, /Role: Rep/);
        assert.match(text, /Owns: Other\.S/);
    });

    it('shows a workflow with owner, SLA, critical path and hand-offs', async () => {
        const text = await hoverAt(workspace, flow, 5);
        assert.match(text, /\*\*workflow\*\* `Deal` — Close a deal/);
        assert.match(text, /Owner: Sales/);
        assert.match(text, /SLA: 1d/);
        assert.match(text, /Critical path: 6h: Quote → Check → Won/);
        assert.match(text, /Hand-offs: 1/);
    });

    it('shows a step on its declaration with owner, duration, systems and escalation', async () => {
        const { main, services } = await (async () => {
            const ws = await loadWorkspace({
                'org.workflow': ORG,
                'main.workflow':
                    'workflow W { owner Sales; step <|>Quote "Send *quote*" { owner Sales.Rep; uses CRM; automated by CRM; duration 90m; escalate after 1d to Sales; next Done }; end Done }',
            });
            return { main: ws.files['main.workflow'], services: ws.services };
        })();
        const text = await hoverAt({ services, files: {} }, main, 0);
        assert.match(text, /\*\*step\*\* `Quote` — Send \\\*quote\\\*/, 'Markdown in titles is escaped');
        assert.match(text, /Owner: Sales\.Rep/);
        assert.match(text, /Duration: 1h 30m/);
        assert.match(text, /Uses: CRM/);
        assert.match(text, /Automated by: CRM/);
        assert.match(text, /Escalates: after 1d to Sales/);
    });

    it('shows every user string literally: no link, image, HTML or new block from a title or trigger', async () => {
        const hostile = '[click](https://example.com/x) ![](https://example.com/pixel.png) <img src=x> https://example.com\n\n# Heading';
        const ws = await loadWorkspace({
            'main.workflow': `team <|>Ops { role R; person eve "${hostile}" as R }
workflow <|>W { owner Ops; trigger "${hostile}"; step S { owner Ops.<|>eve; next Done }; end Done }`,
        });
        const main = ws.files['main.workflow'];
        for (let cursor = 0; cursor < 3; cursor++) {
            const text = await hoverAt(ws, main, cursor);
            assert.ok(text.includes('click'), text);
            assert.doesNotMatch(text, /(^|[^\\])[[\]()<>!]/m, `unescaped Markdown in: ${text}`);
            assert.doesNotMatch(text, /[^\\]:\/\//, `a URL that would become a link: ${text}`);
            assert.doesNotMatch(text, /\n#/, `a heading: ${text}`);
        }
    });
});
