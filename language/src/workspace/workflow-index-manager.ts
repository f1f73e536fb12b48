/**
 * The workspace index, without the documents that the configuration ignores: a file opened in the
 * editor (or named on the command line) under a root that ignores it is still checked, but alone,
 * so its teams, systems and workflows are not offered to, resolved in, or counted as duplicates
 * by the other files. Asked for the descriptions of given documents, it answers as Langium does.
 */
import type { AstNodeDescription, LangiumSharedCoreServices, Stream } from 'langium';
import { DefaultIndexManager, URI } from 'langium';
import type { WorkflowRcStore } from './workflow-rc-store.js';
import { workflowRcOf } from './workflow-rc-store.js';

export class WorkflowIndexManager extends DefaultIndexManager {
    private readonly shared: LangiumSharedCoreServices;
    private storeCache: WorkflowRcStore | undefined;

    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.shared = services;
    }

    /** Resolved late: the store is a sibling service that may not exist yet while the index is created. */
    private get store(): WorkflowRcStore {
        return (this.storeCache ??= workflowRcOf(this.shared));
    }

    override allElements(nodeType?: string, uris?: Set<string>): Stream<AstNodeDescription> {
        if (uris || !this.store.ignoresAnything) return super.allElements(nodeType, uris);
        const included = new Set<string>();
        for (const uri of this.symbolIndex.keys()) {
            if (!this.store.isIgnoredKey(uri, URI.parse)) included.add(uri);
        }
        return super.allElements(nodeType, included);
    }
}
