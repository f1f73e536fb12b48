/** Markdown imported `with { type: 'text' }`: esbuild inlines the file's text. */
declare module '*.md' {
    const text: string;
    export default text;
}
