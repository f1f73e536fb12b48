/** Creates an ELK instance (elkjs, layout on the calling thread) for Node and for the preview's worker. */
import ElkModule from 'elkjs/lib/elk.bundled.js';
import type { ElkLike } from './layout.js';

export function createElk(): ElkLike {
    // elkjs is CommonJS: depending on the loader its constructor is the module or its `default`.
    const module = ElkModule as unknown as { default?: new () => ElkLike };
    const Elk = (module.default ?? ElkModule) as unknown as new () => ElkLike;
    return new Elk();
}
