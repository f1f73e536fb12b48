/**
 * Langium 4.4.0's own services in place of every patch in `language/src/langium-patches/`: the
 * same-run baseline that shows what the patches buy.
 */
import type { Module } from 'langium';
import { createLangiumParser, DefaultLangiumDocumentFactory, DefaultLinker } from 'langium';
import type { LangiumSharedServices, PartialLangiumServices, PartialLangiumSharedServices } from 'langium/lsp';
import { DefaultCompletionProvider } from 'langium/lsp';
import type { WorkflowServices } from '../language/src/workflow-module.js';

export const LANGIUM_DEFAULTS: Module<WorkflowServices, PartialLangiumServices> = {
    parser: { LangiumParser: services => createLangiumParser(services) },
    references: { Linker: services => new DefaultLinker(services) },
    lsp: { CompletionProvider: services => new DefaultCompletionProvider(services) },
};

export const LANGIUM_SHARED_DEFAULTS: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    workspace: { LangiumDocumentFactory: services => new DefaultLangiumDocumentFactory(services) },
};
