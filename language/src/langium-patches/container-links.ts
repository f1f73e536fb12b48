/**
 * Patch of Langium 4.4.0 `LangiumParser.parse`: a copy of it (reading the parser's private
 * `nodeBuilder`, `lexer`, `wrapper`, `allRules`, `mainRule`, `doParse`, `unorderedGroups` and
 * `lexerResult`, as Langium's own method does) that links each AST node to its container with a
 * plain walk instead of `AstUtils.linkContentToContainer`. That function builds an array of
 * `[name, value]` pairs for every node (`Object.entries`) and recurses once per node; on a file of
 * 5,000 steps it took about a tenth of the parse and fed the garbage collector. The walk sets the
 * same `$container`, `$containerProperty` and `$containerIndex` on the same nodes.
 */
import type { AstNode, LangiumParser, ParseResult } from 'langium';
import type { ILexingError, IRecognitionException } from 'chevrotain';

/** Sets `$container`, `$containerProperty` and `$containerIndex` on every node below `root`. */
export function linkContainers(root: AstNode): void {
    const stack: AstNode[] = [root];
    while (stack.length > 0) {
        const node = stack.pop()! as unknown as Record<string, unknown>;
        for (const name in node) {
            if (name.charCodeAt(0) === 36 /* $ */) continue;
            const value = node[name];
            if (Array.isArray(value)) {
                for (let index = 0; index < value.length; index++) {
                    const item: unknown = value[index];
                    if (isNode(item)) {
                        item.$container = node as unknown as AstNode;
                        item.$containerProperty = name;
                        item.$containerIndex = index;
                        stack.push(item);
                    }
                }
            } else if (isNode(value)) {
                value.$container = node as unknown as AstNode;
                value.$containerProperty = name;
                stack.push(value);
            }
        }
    }
}

/** As Langium's `isAstNode`. */
function isNode(value: unknown): value is { -readonly [K in keyof AstNode]: AstNode[K] } {
    return typeof value === 'object' && value !== null && typeof (value as { $type?: unknown }).$type === 'string';
}

/** The private parts of `LangiumParser` its `parse` uses. */
interface ParserInternals {
    nodeBuilder: { buildRootNode(input: string): unknown; addHiddenNodes(tokens: unknown[]): void };
    lexer: { tokenize(input: string): { tokens: unknown[]; hidden: unknown[]; errors: ILexingError[]; report?: unknown } };
    wrapper: { input: unknown[]; errors: IRecognitionException[] };
    allRules: Map<string, unknown>;
    mainRule: unknown;
    doParse(rule: unknown): AstNode;
    unorderedGroups: Map<string, unknown>;
    lexerResult: unknown;
}

export function installContainerLinks(parser: LangiumParser): void {
    const internals = parser as unknown as ParserInternals;
    parser.parse = function parse<T extends AstNode = AstNode>(input: string, options: { rule?: string } = {}): ParseResult<T> {
        internals.nodeBuilder.buildRootNode(input);
        const lexerResult = (internals.lexerResult = internals.lexer.tokenize(input));
        internals.wrapper.input = lexerResult.tokens;
        const ruleMethod = options.rule ? internals.allRules.get(options.rule) : internals.mainRule;
        if (!ruleMethod) {
            throw new Error(options.rule ? `No rule found with name '${options.rule}'` : 'No main rule available.');
        }
        const result = internals.doParse(ruleMethod);
        internals.nodeBuilder.addHiddenNodes(lexerResult.hidden);
        internals.unorderedGroups.clear();
        internals.lexerResult = undefined;
        linkContainers(result);
        return {
            value: result as T,
            lexerErrors: lexerResult.errors,
            lexerReport: lexerResult.report,
            parserErrors: internals.wrapper.errors,
        } as ParseResult<T>;
    };
}
