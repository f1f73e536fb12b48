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
 * one node (its first and last characters untouched), in a file that parsed cleanly, that node's
 * new text is parsed alone with its own grammar rule. If that parse is clean and consumes the
 * whole text, the new node replaces the old one in the AST and the CST, and the positions of
 * everything after it are shifted (lazily, `lazy-positions.ts`); in every other case the caller
 * parses the whole file. What was replaced is handed to the later build phases
 * (`node-replacement.ts`), which redo only the work that depends on it.
 */
import type { AstNode, CstNode, LangiumParser, ParseResult } from 'langium';
import { CompositeCstNodeImpl } from 'langium';
import type { Model, Node } from '../generated/ast.js';
import { isWorkflow } from '../generated/ast.js';
import { lastNodeStartingBefore } from '../model/workflow-model.js';
import { shiftLog, markCurrent } from './lazy-positions.js';
import { flowText } from './node-replacement.js';

/** What the CST classes keep, written here when positions shift. */
interface MutableLeaf {
    _offset: number;
    _startLine: number;
    _startColumn: number;
    _endLine: number;
    _endColumn: number;
}

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
    previous: ParseResult<Model>,
    oldText: string,
    newText: string,
): IncrementalParse | undefined {
    if (previous.lexerErrors.length > 0 || previous.parserErrors.length > 0 || !previous.value.$cstNode) {
        return undefined;
    }
    const change = diff(oldText, newText);
    const target = nodeAround(previous.value, change);
    if (!target?.$cstNode) {
        return undefined;
    }
    const old = target.$cstNode;
    const snippet = newText.slice(old.offset, old.end + change.delta);
    const parsed = parser.parse<Node>(snippet, { rule: target.$type });
    const fresh = parsed.value.$cstNode;
    if (
        parsed.lexerErrors.length > 0 ||
        parsed.parserErrors.length > 0 ||
        parsed.value.$type !== target.$type ||
        !fresh ||
        fresh.offset !== 0 ||
        fresh.end !== snippet.length
    ) {
        return undefined;
    }
    const oldFlow = flowText(target);
    splice(target, parsed.value, old, fresh as CompositeCstNodeImpl);
    shiftPositions(previous.value.$cstNode.root, parsed.value.$cstNode!, old, change);
    (previous.value.$cstNode.root as unknown as { _text: string })._text = newText;
    return {
        result: { value: previous.value, lexerErrors: [], parserErrors: [], lexerReport: previous.lexerReport },
        old: target,
        fresh: parsed.value,
        oldFlow,
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
    log.push({
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
