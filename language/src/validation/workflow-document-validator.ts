/**
 * Gives Langium's built-in diagnostics the stable codes of the language reference (`docs/language.md`) and messages a workflow
 * architect understands: lexer and parser errors become `syntax-error`; linking errors become
 * `unresolved-reference`, or `invalid-role` for `person … as R` where R is not a role of the team.
 */
import type {
    AstNode,
    ConfigurationProvider,
    LangiumDocument,
    ValidateSingleNodeOptions,
    ValidationAcceptor,
    ValidationCheck,
    ValidationOptions,
} from 'langium';
import type { URI } from 'langium';
import { AstUtils, Cancellation, DefaultDocumentValidator, DocumentValidator, interruptAndCheck } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { walkAst } from '../model/ast-walk.js';
import { isOwnerRef, isPerson, isRole, isTransition } from '../generated/ast.js';
import { applySeverityOverrides } from '../workspace/workflow-configuration.js';
import type { WorkflowRcStore } from '../workspace/workflow-rc-store.js';
import { workflowRcOf } from '../workspace/workflow-rc-store.js';
import { applyConfiguredSeverities, configuredSeverity } from './configured-severities.js';
import { applySuppressions } from './suppressions.js';
import type { WorkflowServices } from '../workflow-module.js';
import type { WorkspaceFacts } from '../workspace/workspace-facts.js';
import { IssueCodes } from './issue-codes.js';
import { currentLink, takeIncrementalBuild } from '../langium-patches/node-replacement.js';

const NODES_BETWEEN_YIELDS = 2000;

/** What a check accepted on a node, to be reported again while the node is unchanged. */
interface Accepted {
    /** The category of the check that accepted it: a validation of fewer categories reports only theirs. */
    readonly category: string;
    readonly severity: Parameters<ValidationAcceptor>[0];
    readonly message: string;
    readonly info: unknown;
}

/** A node on which the checks accepted nothing (shared, never written). */
const NOTHING: Accepted[] = [];
/** Marks a node whose findings are reported again without running the checks. */
const REPLAY = { $type: 'replay' } as AstNode;

const NAMED_TYPES = new Set(['Team', 'Role', 'Person', 'System', 'Workflow', 'Step', 'Decision', 'End']);

export class WorkflowDocumentValidator extends DefaultDocumentValidator {
    private readonly facts: WorkspaceFacts;
    private readonly configuration: ConfigurationProvider;
    private readonly rc: WorkflowRcStore;
    /** The findings on each step, decision and end at the last validation of a document, and the link they were made after. */
    private readonly findings = new WeakMap<
        LangiumDocument,
        { link: number; categories: ReadonlySet<string>; byNode: Map<AstNode, Accepted[]> }
    >();

    constructor(services: WorkflowServices) {
        super(services);
        this.facts = services.validation.WorkspaceFacts;
        this.configuration = services.shared.workspace.ConfigurationProvider;
        this.rc = workflowRcOf(services.shared);
    }

    override async validateDocument(
        document: LangiumDocument,
        options?: ValidationOptions,
        cancelToken?: Cancellation.CancellationToken,
    ): Promise<Diagnostic[]> {
        const diagnostics = await super.validateDocument(document, options, cancelToken);
        for (const diagnostic of diagnostics) {
            const code = (diagnostic.data as { code?: string } | undefined)?.code;
            if (code === DocumentValidator.LexingError || code === DocumentValidator.ParsingError) {
                diagnostic.code = IssueCodes.SyntaxError;
            }
            diagnostic.message = shortenLongWords(String(diagnostic.message));
        }
        // The workspace's configuration, then the user's settings, then the file's own suppressions.
        const rc = this.rc.forDocument(document.uri);
        const configured = await applySeverityOverrides(this.configuration, this.languageId, applyConfiguredSeverities(diagnostics, rc));
        return applySuppressions(document.textDocument.getText(), configured, code => configuredSeverity(rc, code));
    }

    /**
     * A declaration whose name the parser could not read is already a `syntax-error`; checking
     * its contents would only add noise about `undefined` while the user is typing.
     */
    protected override validateSingleNodeOptions(node: AstNode, options: ValidationOptions): ValidateSingleNodeOptions {
        if (NAMED_TYPES.has(node.$type) && !(node as { name?: string }).name) {
            return { validateNode: false, validateChildren: false };
        }
        return super.validateSingleNodeOptions(node, options);
    }

    /**
     * Runs the checks on every node with plain loops: the default awaits once per node and per
     * check, which dominates validation of a large file. Checks that return a promise are still
     * awaited; the walk yields to pending requests every few thousand nodes.
     *
     * What the checks reported on each step, decision and end is kept. After a keystroke that
     * replaced one node alone (`langium-patches/node-replacement.ts`), the other nodes' findings
     * are reported again as they were, and the checks run only on the new node, on the nodes
     * with a transition to it (a hand-off depends on its target's owner), and outside the nodes
     * (workflows, teams, systems: their checks read the whole flow or the whole workspace).
     * Findings are kept as what was accepted, not as diagnostics: their ranges are computed
     * again, from the nodes' current positions.
     */
    protected override async validateAstNodes(
        rootNode: AstNode,
        options: ValidationOptions,
        acceptor: ValidationAcceptor,
        cancelToken = Cancellation.CancellationToken.None,
    ): Promise<void> {
        const document = AstUtils.getDocument(rootNode);
        const categories = new Set(options.categories ?? this.validationRegistry.getAllValidationCategories(document));
        const reusable = this.reusableFindings(document, categories);
        const findings = new Map<AstNode, Accepted[]>();
        const checksByType = new Map<string, CategorizedCheck[]>();
        const nodes: AstNode[] = [];
        /** For each collected node, the step, decision or end it lies in. */
        const within: Array<AstNode | undefined> = [];
        let work: AstNode | undefined;
        walkAst(rootNode, node => {
            if (node.$container?.$type === 'Workflow' && node.$containerProperty === 'nodes') {
                work = node;
                const kept = reusable && keptFindings(reusable, node);
                if (kept) {
                    nodes.push(node);
                    within.push(REPLAY);
                    findings.set(node, kept);
                    return false;
                }
                findings.set(node, NOTHING);
            } else if (node.$container?.$type === 'Workflow' || node.$container?.$type === 'Model' || !node.$container) {
                work = undefined;
            }
            nodes.push(node);
            within.push(work);
            return this.validateSingleNodeOptions(node, options).validateChildren;
        });
        const running: Running = { category: '' };
        let acceptOwner: AstNode | undefined;
        let acceptWithin = acceptor;
        for (let i = 0; i < nodes.length; i++) {
            const node = nodes[i];
            if (i % NODES_BETWEEN_YIELDS === 0) {
                await interruptAndCheck(cancelToken);
            }
            const owner = within[i];
            if (owner === REPLAY) {
                for (const accepted of findings.get(node)!) acceptor(accepted.severity, accepted.message, accepted.info as never);
                continue;
            }
            if (!this.validateSingleNodeOptions(node, options).validateNode) {
                continue;
            }
            let checks = checksByType.get(node.$type);
            if (!checks) {
                checks = this.checksOf(node.$type, categories);
                checksByType.set(node.$type, checks);
            }
            // One recording acceptor per step, decision or end (its nodes come one after another), not one per node.
            if (owner !== acceptOwner) {
                acceptOwner = owner;
                acceptWithin = owner ? recordingAcceptor(owner, findings, acceptor, running) : acceptor;
            }
            const accept = acceptWithin;
            for (const { check, category } of checks) {
                running.category = category;
                const pending = check(node, accept, cancelToken);
                if (pending) await pending;
            }
        }
        this.findings.set(document, { link: currentLink(document), categories, byNode: findings });
    }

    /** The checks on a node type in the given categories, in the registry's order, each with its category. */
    private checksOf(type: string, categories: ReadonlySet<string>): CategorizedCheck[] {
        const categoryOf = new Map<ValidationCheck, string>();
        for (const category of categories) {
            for (const check of this.validationRegistry.getChecks(type, [category])) categoryOf.set(check, category);
        }
        return this.validationRegistry
            .getChecks(type, [...categories])
            .map(check => ({ check, category: categoryOf.get(check)! }))
            .toArray();
    }

    /**
     * The findings of the last validation that an incremental build lets this one report again, by
     * node: the last one must have run every category this one runs (the first build of a
     * document runs all of them, the builds after a keystroke fewer).
     */
    private reusableFindings(document: LangiumDocument, categories: ReadonlySet<string>): Reusable | undefined {
        const build = takeIncrementalBuild(document);
        const last = this.findings.get(document);
        this.findings.delete(document);
        if (!build || !last || last.link !== build.previousLink || [...categories].some(category => !last.categories.has(category))) {
            return undefined;
        }
        last.byNode.delete(build.fresh);
        for (const dependent of build.dependents) last.byNode.delete(dependent);
        const fewer = [...last.categories].some(category => !categories.has(category));
        return { byNode: last.byNode, categories: fewer ? categories : undefined };
    }

    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[], _options: ValidationOptions): void {
        for (const reference of document.references) {
            const container = reference.error?.info.container;
            if (!reference.error || !container) {
                continue;
            }
            const property = reference.error.info.property;
            if (isOwnerRef(container) && property === 'member' && !container.team?.ref) {
                continue; // `Typo.Member`: the unknown team is the one finding; its members cannot be looked up
            }
            const { code, message } = this.explain(container, property, reference.$refText);
            diagnostics.push(
                this.toDiagnostic('error', message, {
                    node: container,
                    property,
                    range: reference.$refNode?.range,
                    index: reference.error.info.index,
                    code,
                    data: { code, refText: reference.$refText },
                }),
            );
        }
    }

    private explain(container: AstNode, property: string, name: string): { code: string; message: string } {
        const unresolved = (message: string) => ({ code: IssueCodes.UnresolvedReference, message });
        if (isPerson(container) && property === 'role') {
            const team = container.$container;
            const roles = team.members.filter(isRole).map(role => role.name);
            const known = roles.length > 0 ? `its roles are ${roles.join(', ')}` : 'it declares no roles';
            return { code: IssueCodes.InvalidRole, message: `'${name}' is not a role of team '${team.name}': ${known}.` };
        }
        if (isOwnerRef(container) && property === 'member') {
            return unresolved(`Team '${container.team?.$refText}' has no role or person named '${name}'.`);
        }
        if (isTransition(container)) {
            const workflow = container.$container.$container.$container;
            return unresolved(
                property === 'channel'
                    ? this.notDeclared('system', name, AstUtils.getDocument(container).uri)
                    : `Workflow '${workflow.name}' has no step, decision or end named '${name}'.`,
            );
        }
        return unresolved(this.notDeclared(expectedTopLevelKind(container, property), name, AstUtils.getDocument(container).uri));
    }

    /** Says when the name exists, but as another kind of declaration (`uses Finance` with a team Finance). */
    private notDeclared(expected: string, name: string, seenFrom: URI): string {
        const other = this.facts.topLevelNamed(name, seenFrom)[0];
        if (other) {
            return `'${name}' is a ${other.type.toLowerCase()}, not a ${expected}.`;
        }
        return `No ${expected} named '${name}' is declared in the workspace.`;
    }
}

/** The kind of top-level declaration a reference names, from where it stands. */
function expectedTopLevelKind(container: AstNode, property: string): string {
    switch (`${container.$type}.${property}`) {
        case 'OwnerRef.team':
        case 'AccessClause.teams':
            return 'team';
        case 'CallsClause.workflow':
            return 'workflow';
        default:
            return 'system';
    }
}

/** Longer runs of text without a space (a name or token of thousands of characters) are cut in messages. */
const LONGEST_WORD = 120;
/** And a message is at most about this long. */
const LONGEST_MESSAGE = 1000;

/**
 * A message quotes names and tokens; one of millions of characters would make every message that
 * names it as long (and `validate` print megabytes per line). Such runs are shortened to their
 * start and end, with their length.
 */
export function shortenLongWords(message: string): string {
    if (message.length <= LONGEST_WORD) {
        return message;
    }
    // A loop, not a regular expression: a quantifier over millions of characters overflows V8's stack.
    const parts: string[] = [];
    let start = 0;
    let wordStart = 0;
    for (let i = 0; i <= message.length; i++) {
        if (i === message.length || /[\s'"`]/.test(message[i])) {
            const length = i - wordStart;
            if (length > LONGEST_WORD) {
                const word = message.slice(wordStart, i);
                parts.push(message.slice(start, wordStart), `${word.slice(0, 40)}…${word.slice(-8)} (${length} characters)`);
                start = i;
            }
            wordStart = i + 1;
        }
    }
    parts.push(message.slice(start));
    const shortened = parts.join('');
    // A token of many short words (a string full of quotes) is cut as a whole.
    return shortened.length > LONGEST_MESSAGE
        ? `${shortened.slice(0, LONGEST_MESSAGE - 100)}… (${shortened.length} characters) …${shortened.slice(-60)}`
        : shortened;
}

/** Reports a finding and keeps it under the step, decision or end it lies in, for an incremental build to replay. */
interface CategorizedCheck {
    readonly check: ValidationCheck;
    readonly category: string;
}

/** Findings to report again, and the categories to keep of them when the last validation ran more. */
interface Reusable {
    readonly byNode: Map<AstNode, Accepted[]>;
    readonly categories?: ReadonlySet<string>;
}

function keptFindings(reusable: Reusable, node: AstNode): Accepted[] | undefined {
    const kept = reusable.byNode.get(node);
    if (!kept || !reusable.categories || kept === NOTHING) return kept;
    const wanted = reusable.categories;
    if (kept.every(accepted => wanted.has(accepted.category))) return kept;
    const left = kept.filter(accepted => wanted.has(accepted.category));
    return left.length > 0 ? left : NOTHING;
}

/** The category of the check running now (a validation runs its checks one at a time). */
interface Running {
    category: string;
}

function recordingAcceptor(
    owner: AstNode,
    findings: Map<AstNode, Accepted[]>,
    acceptor: ValidationAcceptor,
    running: Running,
): ValidationAcceptor {
    return (severity, message, info) => {
        const list = findings.get(owner)!;
        (list === NOTHING ? findings.set(owner, []).get(owner)! : list).push({ category: running.category, severity, message, info });
        acceptor(severity, message, info);
    };
}
