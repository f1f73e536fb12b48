/**
 * A workspace built in memory from texts: the command line, the benchmarks and the tests load
 * files this way, so they see exactly what the language server computes.
 */
import type { LangiumDocument } from 'langium';
import { EmptyFileSystem, URI } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Model } from '../generated/ast.js';
import type { WorkflowServices } from '../workflow-module.js';
import { createWorkflowServices } from '../workflow-module.js';

export interface SourceText {
    /** A `file:` URI or an absolute path. */
    readonly uri: string;
    readonly text: string;
}

export interface BuiltWorkspace {
    readonly services: WorkflowServices;
    readonly documents: Array<LangiumDocument<Model>>;
}

/** Parses, links and validates all texts together, as one workspace. */
export async function buildWorkspace(
    sources: SourceText[],
    services = createWorkflowServices(EmptyFileSystem).Workflow,
): Promise<BuiltWorkspace> {
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const langiumDocuments = services.shared.workspace.LangiumDocuments;
    const documents = sources.map(source => {
        const uri = source.uri.includes(':') && !source.uri.startsWith('/') ? URI.parse(source.uri) : URI.file(source.uri);
        const document = factory.fromString<Model>(source.text, uri);
        langiumDocuments.addDocument(document);
        return document;
    });
    await services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
    return { services, documents };
}

/** Diagnostics of a built document, in document order. */
export function diagnosticsOf(document: LangiumDocument): Diagnostic[] {
    return [...(document.diagnostics ?? [])].sort(
        (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
    );
}
