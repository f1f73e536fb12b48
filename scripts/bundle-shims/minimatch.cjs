// The part of `minimatch` the language client uses: `new Minimatch(glob, options)`, `makeRe()` and
// `match(path)`, for the LSP's glob patterns in document selectors and file-operation filters
// (`*`, `**`, `?`, `{a,b}`, `[a-z]`, `[!a]`; options `dot` and `nocase`; no extended globs, which
// the client turns off). The whole package is 25 KB of the extension bundle.
'use strict';

/** The regular-expression source of one path segment of a glob. */
function segmentSource(segment, dot) {
    let source = '';
    for (let i = 0; i < segment.length; i++) {
        const char = segment[i];
        // Without `dot`, a wildcard at the start of a name does not match a leading '.'.
        const noDot = !dot && i === 0 ? '(?!\\.)' : '';
        if (char === '*') {
            while (segment[i + 1] === '*') i++;
            source += `${noDot}[^/]*`;
        } else if (char === '?') {
            source += `${noDot}[^/]`;
        } else if (char === '[') {
            const close = segment.indexOf(']', i + 2);
            if (close < 0) {
                source += '\\[';
                continue;
            }
            let body = segment.slice(i + 1, close);
            const negated = body.startsWith('!') || body.startsWith('^');
            if (negated) body = body.slice(1);
            source += `${negated ? '[^/' : '['}${body.replace(/[\\\]]/g, '\\$&')}]`;
            i = close;
        } else if (char === '\\' && i + 1 < segment.length) {
            source += segment[++i].replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
        } else {
            source += char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
        }
    }
    return source;
}

/** `a{b,c{d,e}}f` → `abf`, `acdf`, `acef`, as minimatch expands braces before matching. */
function expandBraces(pattern) {
    let depth = 0;
    let open = -1;
    const commas = [];
    for (let i = 0; i < pattern.length; i++) {
        const char = pattern[i];
        if (char === '\\') i++;
        else if (char === '{' && depth++ === 0) open = i;
        else if (char === ',' && depth === 1) commas.push(i);
        else if (char === '}' && depth > 0 && --depth === 0) {
            if (commas.length === 0) {
                open = -1;
                continue;
            }
            const head = pattern.slice(0, open);
            const tail = pattern.slice(i + 1);
            const bounds = [open, ...commas, i];
            const alternatives = bounds.slice(0, -1).map((from, k) => pattern.slice(from + 1, bounds[k + 1]));
            return alternatives.flatMap(alternative => expandBraces(head + alternative + tail));
        }
    }
    return [pattern];
}

class Minimatch {
    constructor(pattern, options = {}) {
        this.pattern = pattern;
        this.options = options;
        this.regexp = undefined;
    }

    makeRe() {
        if (this.regexp === undefined) {
            const sources = expandBraces(this.pattern).map(pattern => patternSource(pattern, Boolean(this.options.dot)));
            this.regexp = new RegExp(`^(?:${sources.join('|')})$`, this.options.nocase ? 'i' : '');
        }
        return this.regexp;
    }

    match(path) {
        const regexp = this.makeRe();
        return regexp ? regexp.test(path) : false;
    }
}

/** The regular-expression source of a glob without braces. */
function patternSource(pattern, dot) {
    const segments = pattern.split('/');
    let source = '';
    for (const [index, segment] of segments.entries()) {
        const last = index === segments.length - 1;
        if (segment === '**') {
            // Any number of whole segments, none hidden unless `dot`.
            const any = dot ? '[^/]*' : '(?!\\.)[^/]*';
            source += last ? `(?:${any}(?:/${any})*)?` : `(?:${any}/)*`;
            continue;
        }
        source += segmentSource(segment, dot) + (last ? '' : '/');
    }
    return source;
}

module.exports = { Minimatch, minimatch: (path, pattern, options) => new Minimatch(pattern, options).match(path) };
