// The functions of jsonc-parser that language/src/workspace/workflow-rc.ts calls, from the package's
// ES module entry; test/editor/bundle-shims.test.ts checks that the list covers every call.
export { parseTree, printParseErrorCode } from '../../node_modules/jsonc-parser/lib/esm/main.js';
