// The only `semver` function the node language client calls besides `satisfies`: it parses VS Code's
// version to check it against the client's minimum. The full `semver` package is 20 KB of the
// extension bundle for this one check; VS Code versions are plain `major.minor.patch[-pre]`.
'use strict';
module.exports = function parse(version) {
    const match = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/.exec(String(version).trim());
    if (!match) return null;
    return {
        major: Number(match[1]),
        minor: Number(match[2]),
        patch: Number(match[3]),
        prerelease: match[4] ? match[4].split('.') : [],
    };
};
