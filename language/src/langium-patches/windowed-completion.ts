/**
 * Patch of Langium 4.4.0 `DefaultCompletionProvider`: overrides `findFeaturesAt` and
 * `backtrackToAnyToken`, and wraps `getCompletion` to hand the request's document to
 * `backtrackToAnyToken` through a field (Langium passes it only the text).
 *
 * Langium parses the whole text before the cursor to know what may come next, and lexes the whole
 * text to find the tokens around the cursor; both grow with the file. Inside a workflow the node
 * around the cursor is enough, found by binary search over the workflow's nodes. Outside a
 * workflow, or when the document is not the parsed one, Langium's own methods run.
 */
import type { LangiumDocument, LangiumDocuments } from 'langium';
import { URI } from 'langium';
import type { LangiumServices, NextFeature } from 'langium/lsp';
import { DefaultCompletionProvider } from 'langium/lsp';
import type { CancellationToken, CompletionList, CompletionParams } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Model } from '../generated/ast.js';
import { isWorkflow } from '../generated/ast.js';
import { lastNodeStartingBefore } from '../model/workflow-model.js';

/** How much text after the cursor is lexed to find the token under it. */
const BACKTRACK_WINDOW = 2000;

export class WindowedCompletionProvider extends DefaultCompletionProvider {
    protected readonly documents: LangiumDocuments;

    constructor(services: LangiumServices) {
        super(services);
        this.documents = services.shared.workspace.LangiumDocuments;
    }

    /**
     * Which grammar elements may come next at an offset. Langium parses the whole text before the
     * offset for that, which grows with the file; inside a workflow, the node around the offset is
     * enough: `workflow W {` followed by the text from that node's start (or from the end of the
     * node before) reaches the same parser state, because a workflow's body is a repetition.
     */
    protected override findFeaturesAt(document: TextDocument, offset: number): NextFeature[] {
        const start = this.restartOffset(document, offset);
        if (start === undefined) {
            return super.findFeaturesAt(document, offset);
        }
        const text = document.getText();
        const synthetic = TextDocument.create(
            document.uri,
            document.languageId,
            document.version,
            `workflow W {\n${text.slice(start, offset)}`,
        );
        return super.findFeaturesAt(synthetic, synthetic.getText().length);
    }

    /** The document of the request being answered, for `backtrackToAnyToken`, which Langium gives only the text. */
    private answering: LangiumDocument | undefined;

    override async getCompletion(
        document: LangiumDocument,
        params: CompletionParams,
        cancelToken?: CancellationToken,
    ): Promise<CompletionList | undefined> {
        // Langium looks for the tokens around the cursor synchronously, before its first await:
        // the field holds this request's document for exactly that call.
        this.answering = document;
        try {
            return await super.getCompletion(document, params, cancelToken);
        } finally {
            this.answering = undefined;
        }
    }

    /** The tokens around the cursor, found by lexing from the node around it rather than from the start of the file. */
    protected override backtrackToAnyToken(text: string, offset: number): ReturnType<DefaultCompletionProvider['backtrackToAnyToken']> {
        const document = this.answering;
        this.answering = undefined;
        const start =
            document && document.textDocument.getText().length === text.length
                ? this.restartOffset(document.textDocument, offset)
                : undefined;
        if (start === undefined) {
            return super.backtrackToAnyToken(text, offset);
        }
        const end = Math.min(text.length, offset + BACKTRACK_WINDOW);
        const found = super.backtrackToAnyToken(text.slice(start, end), offset - start);
        const shift = (value: number | undefined) => (value === undefined ? undefined : value + start);
        return {
            nextTokenStart: found.nextTokenStart + start,
            nextTokenEnd: found.nextTokenEnd + start,
            previousTokenStart: shift(found.previousTokenStart),
            previousTokenEnd: shift(found.previousTokenEnd),
        };
    }

    /** Where, inside a workflow, parsing may restart for the offset: the start of its node, or the end of the node before. */
    private restartOffset(textDocument: TextDocument, offset: number): number | undefined {
        const document = this.documents.getDocument(URI.parse(textDocument.uri));
        const model = document?.parseResult.value as Model | undefined;
        if (!document || document.textDocument.version !== textDocument.version || !model?.$cstNode) {
            return undefined;
        }
        const workflow = model.declarations.find(
            declaration => declaration.$cstNode && declaration.$cstNode.offset < offset && offset <= declaration.$cstNode.end,
        );
        if (!isWorkflow(workflow)) {
            return undefined;
        }
        const cst = lastNodeStartingBefore(workflow, offset)?.$cstNode;
        return cst && (cst.end <= offset ? cst.end : cst.offset);
    }
}
