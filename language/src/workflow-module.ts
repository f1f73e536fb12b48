/**
 * Dependency injection for the workflow language: the services that replace or add to
 * Langium's defaults, grouped by category, and `createWorkflowServices` that wires them.
 */
import type { Module } from 'langium';
import { inject } from 'langium';
import type {
    DefaultSharedModuleContext,
    LangiumServices,
    LangiumSharedServices,
    PartialLangiumServices,
    PartialLangiumSharedServices,
} from 'langium/lsp';
import { createDefaultModule, createDefaultSharedModule } from 'langium/lsp';
import { WorkflowGeneratedSharedModule, WorkflowLanguageGeneratedModule } from './generated/module.js';
import { WorkflowCodeActionProvider } from './lsp/workflow-code-actions.js';
import { WorkflowCodeLensProvider } from './lsp/workflow-code-lens-provider.js';
import { WorkflowDocumentSymbolProvider } from './lsp/workflow-document-symbol-provider.js';
import { WorkflowFormatter } from './lsp/workflow-formatter.js';
import { WorkflowHoverProvider } from './lsp/workflow-hover-provider.js';
import { WorkflowNodeKindProvider } from './lsp/workflow-node-kind-provider.js';
import { WorkflowRenameProvider } from './lsp/workflow-rename-provider.js';
import { WorkflowSemanticTokenProvider } from './lsp/workflow-semantic-tokens.js';
import { registerValidationChecks } from './validation/workflow-validator.js';
import { WorkflowDocumentValidator } from './validation/workflow-document-validator.js';
import { WorkflowCompletionProvider } from './lsp/workflow-completion-provider.js';
import { WorkflowConfigurationProvider } from './workspace/workflow-configuration.js';
import { WorkflowDocumentBuilder } from './workspace/workflow-document-builder.js';
import { WorkflowDocumentUpdateHandler } from './workspace/workflow-document-update-handler.js';
import { IncrementalDocumentFactory } from './langium-patches/incremental-document-factory.js';
import { WorkflowReferenceDescriptionProvider, WorkflowScopeComputation } from './references/workflow-indexing.js';
import { BatchedLinker } from './langium-patches/batched-linker.js';
import { createLinearCstParser } from './langium-patches/linear-cst-builder.js';
import { WorkflowScopeProvider } from './references/workflow-scope-provider.js';
import { WorkflowTokenBuilder } from './parser/workflow-token-builder.js';
import { WorkspaceFacts } from './workspace/workspace-facts.js';
import { WorkflowServiceRegistry } from './workspace/workflow-service-registry.js';
import { WorkflowIndexManager } from './workspace/workflow-index-manager.js';
import { WorkflowRcStore } from './workspace/workflow-rc-store.js';
import { WorkflowWorkspaceManager } from './workspace/workflow-workspace-manager.js';

/** Services the workflow language adds to Langium's. */
export interface WorkflowAddedServices {
    validation: {
        WorkspaceFacts: WorkspaceFacts;
    };
}

export type WorkflowServices = LangiumServices & WorkflowAddedServices;

export const WorkflowModule: Module<WorkflowServices, PartialLangiumServices & WorkflowAddedServices> = {
    parser: {
        LangiumParser: services => createLinearCstParser(services),
        TokenBuilder: () => new WorkflowTokenBuilder(),
    },
    references: {
        Linker: services => new BatchedLinker(services),
        ScopeComputation: services => new WorkflowScopeComputation(services),
        ScopeProvider: services => new WorkflowScopeProvider(services),
    },
    workspace: {
        ReferenceDescriptionProvider: services => new WorkflowReferenceDescriptionProvider(services),
    },
    validation: {
        DocumentValidator: services => new WorkflowDocumentValidator(services),
        WorkspaceFacts: services => new WorkspaceFacts(services.shared),
    },
    lsp: {
        CompletionProvider: services => new WorkflowCompletionProvider(services),
        HoverProvider: services => new WorkflowHoverProvider(services),
        RenameProvider: services => new WorkflowRenameProvider(services),
        Formatter: services => new WorkflowFormatter(services),
        SemanticTokenProvider: services => new WorkflowSemanticTokenProvider(services),
        CodeActionProvider: services => new WorkflowCodeActionProvider(services),
        CodeLensProvider: services => new WorkflowCodeLensProvider(services.shared),
        DocumentSymbolProvider: services => new WorkflowDocumentSymbolProvider(services),
    },
};

/** Shared services the workflow language adds: the configurations of the workspace roots. */
export interface WorkflowSharedAddedServices {
    workspace: {
        WorkflowRc: WorkflowRcStore;
    };
}

export const WorkflowSharedModule: Module<
    LangiumSharedServices & WorkflowSharedAddedServices,
    PartialLangiumSharedServices & WorkflowSharedAddedServices
> = {
    ServiceRegistry: services => new WorkflowServiceRegistry(services),
    lsp: {
        NodeKindProvider: () => new WorkflowNodeKindProvider(),
        DocumentUpdateHandler: services => new WorkflowDocumentUpdateHandler(services),
    },
    workspace: {
        ConfigurationProvider: services => new WorkflowConfigurationProvider(services),
        DocumentBuilder: services => new WorkflowDocumentBuilder(services),
        LangiumDocumentFactory: services => new IncrementalDocumentFactory(services),
        WorkflowRc: () => new WorkflowRcStore(),
        WorkspaceManager: services => new WorkflowWorkspaceManager(services),
        IndexManager: services => new WorkflowIndexManager(services),
    },
};

/** Severity settings change what validation reports: check every document again when they change. */
function revalidateOnSettingsChange(shared: LangiumSharedServices): void {
    shared.workspace.ConfigurationProvider.onConfigurationSectionUpdate(() => {
        // The documents are taken inside the lock: one closed meanwhile (an untitled buffer) is gone by then.
        void shared.workspace.WorkspaceLock.write(token =>
            shared.workspace.DocumentBuilder.build(shared.workspace.LangiumDocuments.all.toArray(), { validation: true }, token),
        );
    });
}

/**
 * Creates the shared and the language services. The language server passes an LSP connection;
 * the command line and the tests pass a file system only.
 */
export function createWorkflowServices(
    context: DefaultSharedModuleContext,
    /** Replaces services, e.g. for a benchmark baseline; the product passes none. */
    overrides: Module<WorkflowServices, PartialLangiumServices> = {},
    /** Replaces shared services, likewise. */
    sharedOverrides: Module<LangiumSharedServices, PartialLangiumSharedServices> = {},
): { shared: LangiumSharedServices; Workflow: WorkflowServices } {
    const shared = inject(createDefaultSharedModule(context), WorkflowGeneratedSharedModule, WorkflowSharedModule, sharedOverrides);
    const Workflow = inject(createDefaultModule({ shared }), WorkflowLanguageGeneratedModule, WorkflowModule, overrides);
    shared.ServiceRegistry.register(Workflow);
    registerValidationChecks(Workflow);
    if (!context.connection) {
        // Without a language server nothing triggers the configuration; the workspace is ready as is.
        shared.workspace.ConfigurationProvider.initialized({});
    }
    revalidateOnSettingsChange(shared);
    return { shared, Workflow };
}
