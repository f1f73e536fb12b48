/**
 * Reaches into Langium 4.4.0's CST: writes the private `_offset`, `_startLine`, `_startColumn`,
 * `_endLine`, `_endColumn` fields of its leaf nodes, and the `content` and `container` links of
 * `CompositeCstNodeImpl`, to splice in a re-parsed node and shift the positions after it. Used by
 * `incremental-document-factory.ts`.
 *
 * Re-parses only the step, decision or end that an edit falls inside, instead of the whole file.
 *
 * Typing inside one node of a large workflow is the common edit; parsing a 5,000-step file takes
 * longer than every other part of a rebuild together. When the changed text lies strictly inside
 * one node (its first and last characters untouched), in a file whose syntax errors (if any) all
 * lie in that node, the node's new text is parsed alone with its own grammar rule. If that parse
 * consumes the whole text, cleanly or with errors a parse of the whole file would report alike
 * (`recoveredInside`), the new node replaces the old one in the AST and the CST, and the positions of
 * everything after it are shifted (lazily, `lazy-positions.ts`); in every other case the caller
 * parses the whole file. What was replaced is handed to the later build phases
 * (`node-replacement.ts`), which redo only the work that depends on it.
 */
import type { AstNode, CstNode, LangiumParser, Lexer, ParseResult } from 'langium';
import { CompositeCstNodeImpl } from 'langium';
import type { Model, Node } from '../generated/ast.js';
import { isDecision, isStep, isWorkflow } from '../generated/ast.js';
import { lastNodeStartingBefore } from '../model/workflow-model.js';
import { logShift, markCurrent, shiftLog } from './lazy-positions.js';
import { flowText } from './node-replacement.js';

/** What the CST classes keep, written here when positions shift. */
interface MutableLeaf {
    _offset: number;
    _startLine: number;
    _startColumn: number;
    _endLine: number;
    _endColumn: number;
}

type IToken = ParseResult['parserErrors'][number]['token'];

interface Change {
    /** First changed offset, the same in both texts. */
    readonly start: number;
    /** End of the changed text in the old text (exclusive). */
    readonly oldEnd: number;
    readonly delta: number;
}

export interface IncrementalParse {
    readonly result: ParseResult<Model>;
    /** The node that was replaced, and the one that replaced it. */
    readonly old: Node;
    readonly fresh: Node;
    /** `flowText` of the old node, read before the new text replaced the old one. */
    readonly oldFlow: string;
}

export function reparseIncrementally(
    parser: LangiumParser,
    lexer: Lexer,
    previous: ParseResult<Model>,
    oldText: string,
    newText: string,
): IncrementalParse | undefined {
    if (previous.lexerErrors.length > 0 || !previous.value.$cstNode) {
        return undefined;
    }
    const change = diff(oldText, newText);
    const target = nodeAround(previous.value, change);
    if (!target?.$cstNode) {
        return undefined;
    }
    const old = target.$cstNode;
    // Syntax errors elsewhere in the file: only a whole parse tells what they become.
    if (previous.parserErrors.some(error => !(error.token.startOffset >= old.offset && error.token.startOffset < old.end))) {
        return undefined;
    }
    const snippet = newText.slice(old.offset, old.end + change.delta);
    const parsed = parser.parse<Node>(snippet, { rule: target.$type });
    const fresh = parsed.value.$cstNode;
    if (
        parsed.lexerErrors.length > 0 ||
        parsed.value.$type !== target.$type ||
        !fresh ||
        fresh.offset !== 0 ||
        fresh.end !== snippet.length ||
        (parsed.parserErrors.length > 0 && !recoveredInside(parsed, snippet, lexer))
    ) {
        return undefined;
    }
    const oldFlow = flowText(target);
    const { start } = old.range;
    // The errors are the node parse's own: moved in place (a copy would lose their non-enumerable `message`).
    const parserErrors = parsed.parserErrors;
    for (const error of parserErrors) error.token = movedToken(error.token, old.offset, start);
    splice(target, parsed.value, old, fresh as CompositeCstNodeImpl);
    shiftPositions(previous.value.$cstNode.root, parsed.value.$cstNode!, old, change);
    (previous.value.$cstNode.root as unknown as { _text: string })._text = newText;
    return {
        result: { value: previous.value, lexerErrors: [], parserErrors, lexerReport: previous.lexerReport },
        old: target,
        fresh: parsed.value,
        oldFlow,
    };
}

/**
 * Keywords that a whole parse may re-synchronize on when it recovers from an error inside a node
 * (they can follow a node in a workflow, or a workflow in the file), and a parse of the node
 * alone would skip instead.
 */
const OUTER_KEYWORDS = new Set(['trigger', 'sla', 'step', 'decision', 'end', 'team', 'system', 'workflow']);

/**
 * Whether the node's syntax errors are what a parse of the whole file would report, with the same
 * node: the parser recovered inside the node (it still reached the node's closing `}` at the end
 * of its text), every error is at a token of the node, and no token after the first is one the
 * whole parse could re-synchronize on outside the node (then its recovery takes the same steps).
 */
function recoveredInside(parsed: ParseResult<Node>, snippet: string, lexer: Lexer): boolean {
    const content = (parsed.value.$cstNode as CompositeCstNodeImpl).content;
    let last: CstNode | undefined;
    for (let i = content.length - 1; i >= 0 && !last; i--) if (!content[i].hidden) last = content[i];
    if (!isStep(parsed.value) && !isDecision(parsed.value)) return false;
    if (!last || last.text !== '}' || last.end !== snippet.length) return false;
    if (parsed.parserErrors.some(error => !(error.token.startOffset >= 0 && (error.token.endOffset ?? Infinity) < snippet.length)))
        return false;
    const tokens = lexer.tokenize(snippet).tokens;
    for (let i = 1; i < tokens.length; i++) {
        if (OUTER_KEYWORDS.has(tokens[i].tokenType.name)) return false;
    }
    return true;
}

/** A token of the node's own parse, at its place in the document (Chevrotain's lines and columns count from 1). */
function movedToken(token: IToken, offset: number, start: { line: number; character: number }): IToken {
    return {
        ...token,
        startOffset: token.startOffset + offset,
        endOffset: token.endOffset === undefined ? undefined : token.endOffset + offset,
        startColumn: token.startLine === 1 && token.startColumn !== undefined ? token.startColumn + start.character : token.startColumn,
        endColumn: token.endLine === 1 && token.endColumn !== undefined ? token.endColumn + start.character : token.endColumn,
        startLine: token.startLine === undefined ? undefined : token.startLine + start.line,
        endLine: token.endLine === undefined ? undefined : token.endLine + start.line,
    };
}

/** Characters compared at once (as substrings, which the engine compares natively) before comparing one by one. */
const BLOCK = 4096;

function diff(oldText: string, newText: string): Change {
    const max = Math.min(oldText.length, newText.length);
    let start = 0;
    while (start + BLOCK <= max && oldText.slice(start, start + BLOCK) === newText.slice(start, start + BLOCK)) start += BLOCK;
    while (start < max && oldText.charCodeAt(start) === newText.charCodeAt(start)) start++;
    let suffix = 0;
    const oldLength = oldText.length;
    const newLength = newText.length;
    while (
        suffix + BLOCK <= max - start &&
        oldText.slice(oldLength - suffix - BLOCK, oldLength - suffix) === newText.slice(newLength - suffix - BLOCK, newLength - suffix)
    )
        suffix += BLOCK;
    while (suffix < max - start && oldText.charCodeAt(oldLength - 1 - suffix) === newText.charCodeAt(newLength - 1 - suffix)) suffix++;
    return { start, oldEnd: oldLength - suffix, delta: newLength - oldLength };
}

/** The node of a workflow whose text strictly surrounds the change, if any. */
function nodeAround(model: Model, change: Change): Node | undefined {
    for (const declaration of model.declarations) {
        const cst = declaration.$cstNode;
        if (!isWorkflow(declaration) || !cst || change.start < cst.offset || change.oldEnd > cst.end) continue;
        const node = lastNodeStartingBefore(declaration, change.start);
        return node && change.oldEnd < node.$cstNode!.end ? node : undefined;
    }
    return undefined;
}

/** Puts the new node where the old one was, in the AST and in the CST. */
function splice(oldNode: Node, newNode: Node, oldCst: CstNode, freshRoot: CompositeCstNodeImpl): void {
    const workflow = oldNode.$container;
    const index = workflow.nodes.indexOf(oldNode);
    const mutable = newNode as unknown as { $container: AstNode; $containerProperty: string; $containerIndex: number; $cstNode: CstNode };
    mutable.$container = workflow;
    mutable.$containerProperty = 'nodes';
    mutable.$containerIndex = index;
    workflow.nodes[index] = newNode;

    const composite = new CompositeCstNodeImpl();
    composite.content = freshRoot.content;
    for (const child of composite.content) (child as unknown as { container: CstNode }).container = composite;
    composite.grammarSource = oldCst.grammarSource;
    composite.astNode = newNode;
    mutable.$cstNode = composite;
    const parent = oldCst.container as CompositeCstNodeImpl;
    parent.content[parent.content.indexOf(oldCst)] = composite;
    (composite as unknown as { container: CstNode }).container = parent;
}

/**
 * Moves the new node's leaves from snippet positions to document positions, and logs the move of
 * the leaves after it by the size of the change (`lazy-positions.ts`): they apply it when their
 * positions are next read, so a keystroke does not visit every token of the file.
 */
function shiftPositions(root: CstNode, fresh: CstNode, old: CstNode, change: Change): void {
    const log = shiftLog(root);
    const { start } = old.range;
    const oldEnd = old.range.end;
    const oldEndOffset = old.end;
    forEachLeaf(fresh, undefined, leaf => {
        if (leaf._startLine === 0) leaf._startColumn += start.character;
        if (leaf._endLine === 0) leaf._endColumn += start.character;
        leaf._offset += old.offset;
        leaf._startLine += start.line;
        leaf._endLine += start.line;
        markCurrent(leaf as unknown as CstNode, log);
    });
    const newEnd = fresh.range.end;
    logShift(log, {
        from: oldEndOffset,
        delta: change.delta,
        line: oldEnd.line,
        lineDelta: newEnd.line - oldEnd.line,
        columnDelta: newEnd.character - oldEnd.character,
    });
}

/** Calls `visit` on every leaf below `node`, except those below `skip`. */
function forEachLeaf(node: CstNode, skip: CstNode | undefined, visit: (leaf: MutableLeaf) => void): void {
    if (node === skip) return;
    const content = (node as unknown as { content?: CstNode[] }).content;
    if (content) {
        for (const child of content) forEachLeaf(child, skip, visit);
    } else {
        visit(node as unknown as MutableLeaf);
    }
}
