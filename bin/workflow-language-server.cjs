#!/usr/bin/env node
// Standalone language server for any LSP client: `workflow-language-server --stdio`.
require('../dist/server/main-node.cjs');
