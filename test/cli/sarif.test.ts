/**
 * `validate --format sarif`, run through the bundled command line: the log is checked by
 * Microsoft's SARIF validator and against the SARIF 2.1.0 JSON Schema, and its rules, results,
 * regions and fingerprints against the JSON report of the same run.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { CODE_CATALOGUE } from '../../language/src/validation/code-catalogue.js';
import { ruleHelp } from '../../cli/formats/rule-help.js';
import { runCli, scratchFolder } from './run-cli.js';

interface SarifRule {
    id: string;
    name?: string;
    shortDescription: { text: string };
    fullDescription: { text: string };
    defaultConfiguration: { level: string; enabled?: boolean };
    helpUri: string;
    help: { text: string; markdown: string };
}
interface SarifResult {
    ruleId: string;
    ruleIndex: number;
    level: string;
    message: { text: string };
    locations: Array<{
        physicalLocation: {
            artifactLocation: { uri: string; uriBaseId?: string };
            region: { startLine: number; startColumn: number; endLine: number; endColumn: number; snippet?: { text: string } };
        };
    }>;
    partialFingerprints: Record<string, string>;
}
interface SarifLog {
    $schema: string;
    version: string;
    runs: Array<{
        tool: { driver: { name: string; version: string; informationUri: string; rules: SarifRule[] } };
        originalUriBaseIds: Record<string, { uri: string }>;
        columnKind: string;
        results: SarifResult[];
    }>;
}
interface JsonFinding {
    file: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    severity: string;
    code: string;
    message: string;
}

const MULTITOOL = path.resolve('node_modules/.bin/sarif-multitool');
const SCHEMA = path.resolve('node_modules/@microsoft/sarif-multitool-linux/sarif-2.1.0.json');
const REFERENCE = fs.readFileSync('docs/language.md', 'utf8');
const manifest = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { version: string; homepage: string };

function sarifOf(args: string[], cwd?: string): { log: SarifLog; code: number | null; stdout: string } {
    const result = runCli(['validate', ...args, '--format', 'sarif'], cwd);
    assert.equal(result.stderr, '');
    return { log: JSON.parse(result.stdout) as SarifLog, code: result.code, stdout: result.stdout };
}

function jsonOf(args: string[], cwd?: string): JsonFinding[] {
    return (JSON.parse(runCli(['validate', ...args, '--format', 'json'], cwd).stdout) as { diagnostics: JsonFinding[] }).diagnostics;
}

describe('workflow-architect validate --format sarif', function () {
    this.timeout(180_000);
    const scratch = scratchFolder('wa-sarif-');

    it('is accepted by the SARIF multitool without errors or warnings, GitHub rules included', () => {
        const { stdout } = sarifOf(['examples/problems']);
        const input = scratch.write('problems.sarif', stdout);
        for (const ruleKinds of [[], ['--rule-kind', '"Sarif;Gh"']]) {
            const output = path.join(scratch.path, `validation-${ruleKinds.length}.sarif`);
            const run = spawnSync(MULTITOOL, ['validate', input, '--output', output, '--log', 'ForceOverwrite', ...ruleKinds], {
                encoding: 'utf8',
            });
            assert.equal(run.status, 0, run.stdout + run.stderr);
            const validation = JSON.parse(fs.readFileSync(output, 'utf8')) as {
                runs: Array<{
                    results?: Array<{ ruleId: string; level?: string; message: { arguments?: string[] } }>;
                    invocations?: Array<{ executionSuccessful: boolean; toolExecutionNotifications?: unknown[] }>;
                }>;
            };
            const [validatorRun] = validation.runs;
            assert.equal(validatorRun.invocations?.[0].executionSuccessful, true);
            assert.deepEqual(validatorRun.invocations?.[0].toolExecutionNotifications ?? [], []);
            // A result without a level is a warning (SARIF's default). Notes (message ids, reachable URIs…) are advice.
            const problems = (validatorRun.results ?? []).filter(result => (result.level ?? 'warning') !== 'note');
            assert.deepEqual(
                problems.map(result => `${result.level ?? 'warning'} ${result.ruleId} ${result.message.arguments?.join(' ')}`),
                [],
            );
        }
    });

    it('matches the SARIF 2.1.0 JSON Schema', () => {
        const ajv = new Ajv2020({ strict: false, allErrors: true });
        ajv.addFormat('uri', text => URL.canParse(text));
        ajv.addFormat('uri-reference', text => URL.canParse(text, 'file:///'));
        ajv.addFormat('date-time', text => !Number.isNaN(Date.parse(text)));
        ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
        const validate = ajv.compile(JSON.parse(fs.readFileSync(SCHEMA, 'utf8')));
        const { log } = sarifOf(['examples/problems']);
        assert.ok(validate(log), ajv.errorsText(validate.errors));
        // The schema is not lenient: a result without a message fails it.
        const broken = structuredClone(log) as unknown as { runs: Array<{ results: Array<Record<string, unknown>> }> };
        delete broken.runs[0].results[0].message;
        assert.equal(validate(broken), false);
    });

    it('describes the tool and one rule per code, with the help of its section of the reference', () => {
        const { log } = sarifOf(['examples/problems']);
        assert.equal(log.version, '2.1.0');
        assert.match(log.$schema, /sarif-2\.1\.0/);
        const [run] = log.runs;
        assert.equal(run.tool.driver.name, 'workflow-architect');
        assert.equal(run.tool.driver.version, manifest.version);
        assert.equal(run.tool.driver.informationUri, manifest.homepage);
        assert.equal(run.columnKind, 'utf16CodeUnits');
        const rules = run.tool.driver.rules;
        assert.deepEqual(
            rules.map(rule => rule.id),
            CODE_CATALOGUE.map(entry => entry.code),
        );
        const levels = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };
        for (const [index, rule] of rules.entries()) {
            const entry = CODE_CATALOGUE[index];
            assert.equal(rule.shortDescription.text, entry.summary);
            assert.equal(rule.defaultConfiguration.level, levels[entry.defaultSeverity]);
            assert.equal(rule.defaultConfiguration.enabled, entry.optIn ? false : undefined, `${entry.code} is on unless opt-in`);
            assert.match(rule.helpUri, new RegExp(`/docs/language\\.md#${entry.code}$`));
            assert.ok(rule.help.text.length > 0 && rule.help.markdown.length > 0, entry.code);
            assert.notEqual(rule.name?.toLowerCase(), rule.id.toLowerCase(), 'a friendly name is not the id again');
            const section = ruleHelp(REFERENCE, entry.code, rule.helpUri.replace(/#.*$/, ''));
            if (section) {
                assert.equal(rule.help.markdown, section.markdown, entry.code);
                assert.equal(rule.help.text, section.text, entry.code);
                assert.equal(rule.fullDescription.text, section.description);
                assert.ok(REFERENCE.includes(`### \`${entry.code}\``));
            } else {
                assert.ok(rule.help.text.includes(rule.helpUri), `${entry.code} points to the reference`);
            }
        }
        const deadEnd = rules.find(rule => rule.id === 'dead-end');
        assert.ok(deadEnd?.help.markdown.includes('```workflow\n'), 'the Markdown keeps the examples');
        assert.ok(deadEnd?.help.text.includes('    example.workflow:'), 'the plain text indents the example output as code');
        assert.doesNotMatch(deadEnd?.help.text ?? '', /\*\*|```/);
        assert.doesNotMatch(deadEnd?.help.markdown ?? '', /### `no-system-access`/, 'the section ends at the next code');
    });

    it('reports every finding of the JSON report, with its rule, level, region and text', () => {
        const { log, code } = sarifOf(['examples/problems']);
        assert.equal(code, 1, 'the exit code is the same as for text');
        const json = jsonOf(['examples/problems']);
        const [run] = log.runs;
        assert.equal(run.results.length, json.length);
        assert.deepEqual(run.originalUriBaseIds['%SRCROOT%'], { uri: pathToFileURL(process.cwd()).href + '/' });
        const levels = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as Record<string, string>;
        for (const [index, result] of run.results.entries()) {
            const finding = json[index];
            assert.equal(result.ruleId, finding.code);
            assert.equal(run.tool.driver.rules[result.ruleIndex].id, result.ruleId);
            assert.equal(result.level, levels[finding.severity]);
            assert.equal(result.message.text, finding.message);
            const [{ physicalLocation }] = result.locations;
            assert.deepEqual(physicalLocation.artifactLocation, { uri: finding.file, uriBaseId: '%SRCROOT%' });
            const { snippet, ...region } = physicalLocation.region;
            assert.deepEqual(region, {
                startLine: finding.line,
                startColumn: finding.column,
                endLine: finding.endLine,
                endColumn: finding.endColumn,
            });
            // The snippet is the text of the range: it starts where the region does.
            const line = fs.readFileSync(finding.file, 'utf8').split('\n')[finding.line - 1];
            assert.ok(line.slice(finding.column - 1).startsWith(snippet?.text.split('\n')[0] ?? '\0'), `${snippet?.text} in ${line}`);
        }
        assert.ok(
            run.results.some(result => result.ruleId === 'unused' && result.level === 'note'),
            'hints are notes',
        );
    });

    it('keeps the fingerprint of a finding that moves to another line, and tells identical findings apart', () => {
        const flow =
            'team A { }\nteam B { }\nsystem Mail { owner A }\nworkflow W { owner A; step S { owner A; next T }; step T { owner B; next U }; step U { owner A; next Done via Mail }; end Done }\n';
        scratch.write('flow.workflow', flow);
        const before = sarifOf(['.'], scratch.path).log.runs[0].results;
        scratch.write('flow.workflow', '// moved down\n\n' + flow.replace('step U', 'step V { owner A; next U }; step U'));
        const after = sarifOf(['.'], scratch.path).log.runs[0].results;
        const handoff = (results: SarifResult[]) => results.find(result => result.ruleId === 'handoff-without-channel');
        assert.equal(handoff(before)?.locations[0].physicalLocation.region.startLine, 4);
        assert.equal(handoff(after)?.locations[0].physicalLocation.region.startLine, 6);
        assert.deepEqual(handoff(after)?.partialFingerprints, handoff(before)?.partialFingerprints);
        const all = after.map(result => Object.values(result.partialFingerprints)[0]);
        assert.equal(new Set(all).size, all.length, 'every finding has its own fingerprint');
    });

    it('percent-encodes file names into URIs that resolve against %SRCROOT% to the file', () => {
        const file = scratch.write(
            'my flows/50% #1\n.workflow',
            'team A { }\nteam B { }\nworkflow W { owner A; step S { owner A; next T }; step T { owner B; next Done }; end Done }\n',
        );
        const { log } = sarifOf(['.'], scratch.path);
        const [run] = log.runs;
        const { uri, uriBaseId } = run.results[0].locations[0].physicalLocation.artifactLocation;
        assert.equal(uri, 'my%20flows/50%25%20%231%0A.workflow');
        assert.equal(uriBaseId, '%SRCROOT%');
        const resolved = new URL(uri, run.originalUriBaseIds['%SRCROOT%'].uri);
        assert.equal(fs.realpathSync(fileURLToPath(resolved)), fs.realpathSync(file));
    });

    it('writes a file outside the current folder as an absolute file URI, and no results when there are none', () => {
        const outside = scratch.write(
            'outside/flow.workflow',
            'workflow G { owner Nobody; step S { owner Nobody; next Done }; end Done }\n',
        );
        fs.mkdirSync(path.join(scratch.path, 'here'));
        const { log, code } = sarifOf(['../outside'], path.join(scratch.path, 'here'));
        assert.equal(code, 1);
        const locations = log.runs[0].results.map(result => result.locations[0].physicalLocation.artifactLocation);
        assert.ok(locations.length > 0);
        for (const location of locations) {
            assert.deepEqual(location, { uri: pathToFileURL(fs.realpathSync(outside)).href });
        }
        scratch.write('clean/flow.workflow', 'team A { }\nworkflow W { owner A; step S { owner A; next Done }; end Done }\n');
        const clean = sarifOf(['clean'], scratch.path);
        assert.equal(clean.code, 0);
        assert.deepEqual(clean.log.runs[0].results, []);
        assert.equal(clean.log.runs[0].tool.driver.rules.length, CODE_CATALOGUE.length);
    });
});

describe('rule help from the language reference', () => {
    const reference = [
        '## Diagnostics',
        '### `first-code`',
        '',
        '**Reported when** something *odd* happens, see [Configuration](#configuration)',
        'and [elsewhere](https://example.org/x).',
        '',
        '```sh',
        '# not a heading: inside a code block',
        '```',
        '',
        '**Fix:** do it.',
        '### `second-code`',
        'Other.',
        '## Configuration',
    ].join('\n');

    it('takes the section up to the next heading, not stopping at a # line in a code block', () => {
        const help = ruleHelp(reference, 'first-code', 'https://docs.example/language.md');
        assert.ok(help);
        assert.ok(help.markdown.endsWith('**Fix:** do it.'), help.markdown);
        assert.ok(
            help.markdown.includes('[Configuration](https://docs.example/language.md#configuration)'),
            'in-page links are made absolute',
        );
        assert.ok(help.markdown.includes('[elsewhere](https://example.org/x)'));
        assert.equal(
            help.text,
            'Reported when something odd happens, see Configuration\nand elsewhere.\n\n    # not a heading: inside a code block\n\nFix: do it.',
        );
        assert.equal(help.description, 'Reported when something odd happens, see Configuration and elsewhere.');
        assert.equal(ruleHelp(reference, 'second-code', 'x')?.markdown, 'Other.');
        assert.equal(ruleHelp(reference, 'missing-code', 'x'), undefined);
    });
});
