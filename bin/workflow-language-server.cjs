#!/usr/bin/env node
// Standalone language server for any LSP client: `workflow-language-server --stdio`. Desktop VS
// Code starts this script too (over IPC): the server lives in the extension's Node bundle.
require('../dist/node.cjs').startLanguageServer();
