// The layout worker's bundle, imported as text and started from a Blob URL (see esbuild.mjs).
declare module '*/layout-worker.js' {
    const source: string;
    export default source;
}
