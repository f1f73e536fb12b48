/**
 * Texts that esbuild puts into the bundle, so the command needs no files beside it: the language
 * reference (the SARIF rules' help) and the package manifest (version, home page). Node cannot
 * import Markdown, so only the bundled command loads this module, and only for `--format sarif`.
 */
import reference from '../../docs/language.md' with { type: 'text' };
import manifest from '../../package.json' with { type: 'json' };

export const REFERENCE_MARKDOWN: string = reference;

export const VERSION: string = manifest.version;

export const HOMEPAGE: string = manifest.homepage;

/** The reference as GitHub shows it, next to the README the home page points at. */
export const REFERENCE_URL = `${manifest.homepage.replace(/#.*$/, '')}/blob/main/docs/language.md`;
