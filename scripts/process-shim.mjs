// Node's `process` global for browser bundles of packages that expect it (assert, util).
import process from 'process/browser.js';
export { process };
