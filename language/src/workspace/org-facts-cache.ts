/**
 * The organization map's facts (`analysis/org-map.ts`) of the current workspace state, computed
 * once per state for the hovers and code lenses that ask for them: a hover on a team and the
 * lenses of a file of teams would otherwise walk every workflow on each request.
 */
import type { LangiumSharedCoreServices } from 'langium';
import { DocumentState, WorkspaceCache } from 'langium';
import type { OrgFacts } from '../analysis/org-map.js';
import { orgFacts } from '../analysis/org-map.js';

export class OrgFactsCache {
    private readonly cache: WorkspaceCache<'facts', OrgFacts>;

    constructor(private readonly shared: LangiumSharedCoreServices) {
        // Emptied when a build has linked the documents: a value computed while a change was being
        // linked (references not yet resolved) does not outlive that build.
        this.cache = new WorkspaceCache(shared, DocumentState.Linked);
    }

    get(): OrgFacts {
        return this.cache.get('facts', () => orgFacts(this.shared.workspace.LangiumDocuments.all));
    }
}
