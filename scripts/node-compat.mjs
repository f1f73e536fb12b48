// Langium's parser library (chevrotain) calls `Object.groupBy`, which Node 22 has and Node 20
// lacks. This tiny, spec-shaped fallback lets the generator, the tests and the bundled
// command line run on Node 20 as well. It is a no-op where the built-in exists.
if (typeof Object.groupBy !== 'function') {
    Object.defineProperty(Object, 'groupBy', {
        configurable: true,
        writable: true,
        value: function groupBy(items, keyOf) {
            const groups = Object.create(null);
            let index = 0;
            for (const item of items) {
                const key = keyOf(item, index++);
                (groups[key] ??= []).push(item);
            }
            return groups;
        },
    });
}
