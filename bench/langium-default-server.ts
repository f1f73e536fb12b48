/**
 * The language server over stdio with Langium's own services in place of the patches
 * (`langium-defaults.ts`): the baseline of `npm run bench -- server`. Not shipped.
 */
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createWorkflowServices } from '../language/src/workflow-module.js';
import { LANGIUM_DEFAULTS, LANGIUM_SHARED_DEFAULTS } from './langium-defaults.js';

const connection = createConnection(ProposedFeatures.all);
const { shared } = createWorkflowServices({ connection, ...NodeFileSystem }, LANGIUM_DEFAULTS, LANGIUM_SHARED_DEFAULTS);
startLanguageServer(shared);
