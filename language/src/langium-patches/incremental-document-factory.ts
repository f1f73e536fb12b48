/**
 * Patch of Langium 4.4.0 `DefaultLangiumDocumentFactory.update`: a copy of it in which a changed
 * text is first re-parsed incrementally (`incremental-parser.ts`) and parsed whole only when that
 * is not possible; what was replaced is recorded for the later build phases (`node-replacement.ts`). The property descriptors are made configurable so later updates can redefine
 * `textDocument` (Langium's own defines them once per update as well).
 */
import type { AstNode, LangiumDocument, ParseResult } from 'langium';
import { Cancellation, DefaultLangiumDocumentFactory, DocumentState } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Model } from '../generated/ast.js';
import { reparseIncrementally } from './incremental-parser.js';
import { installLazyPositions } from './lazy-positions.js';
import { recordFullParse, recordReplacement } from './node-replacement.js';

export class IncrementalDocumentFactory extends DefaultLangiumDocumentFactory {
    constructor(services: LangiumSharedServices) {
        super(services);
        installLazyPositions();
    }

    override async update<T extends AstNode = AstNode>(
        document: LangiumDocument<T>,
        cancellationToken = Cancellation.CancellationToken.None,
    ): Promise<LangiumDocument<T>> {
        const oldText = document.parseResult.value.$cstNode?.root.fullText;
        const textDocument = this.textDocuments?.get(document.uri.toString());
        const text = await this.getUpdatedText(document, textDocument, cancellationToken);
        if (textDocument) {
            Object.defineProperty(document, 'textDocument', { value: textDocument, configurable: true });
        } else {
            const getter = this.createTextDocumentGetter(document.uri, text);
            Object.defineProperty(document, 'textDocument', { get: getter, configurable: true });
        }
        if (oldText !== text) {
            const { LangiumParser: parser, Lexer: lexer } = this.serviceRegistry.getServices(document.uri).parser;
            const incremental =
                oldText === undefined
                    ? undefined
                    : reparseIncrementally(parser, lexer, document.parseResult as unknown as ParseResult<Model>, oldText, text);
            if (incremental) {
                document.parseResult = incremental.result as unknown as ParseResult<T>;
                recordReplacement(document, incremental);
            } else {
                document.parseResult = await this.parseAsync<T>(document.uri, text, cancellationToken);
                recordFullParse(document);
            }
            (document.parseResult.value as { $document?: LangiumDocument }).$document = document;
        }
        document.state = DocumentState.Parsed;
        return document;
    }
}
