// `satisfies(version, '^M.m.p')` as the node language client calls it (its minimum VS Code version
// is always a caret range of a release); any other range is refused rather than guessed.
'use strict';
const parse = require('./semver-parse.cjs');
module.exports = function satisfies(version, range) {
    const v = typeof version === 'string' ? parse(version) : version;
    const min = /^\^(\d+)\.(\d+)\.(\d+)$/.exec(range);
    if (!v || !min || v.prerelease.length > 0) return false;
    const [major, minor, patch] = min.slice(1).map(Number);
    if (v.major !== major) return false;
    return v.minor > minor || (v.minor === minor && v.patch >= patch);
};
