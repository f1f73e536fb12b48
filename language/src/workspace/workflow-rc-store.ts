/**
 * The configurations of the workspace roots a language service knows (the editor's workspace
 * folders, or the roots of the command line's paths), and the questions every part asks of them:
 * which configuration applies to a document, and whether a document is left out by `ignore`.
 *
 * An ignored document that is loaded anyway (opened in the editor, or named on the command line
 * under a root that ignores it) is checked alone: its declarations stay out of the names that
 * other documents see (`WorkflowIndexManager`), and it sees only its own.
 */
import type { LangiumSharedCoreServices, URI } from 'langium';
import type { WorkflowRc } from './workflow-rc.js';
import { relativePath } from './workflow-rc.js';

export class WorkflowRcStore {
    private readonly roots = new Map<string, WorkflowRc>();
    private readonly ignoredCache = new Map<string, boolean>();

    set(rc: WorkflowRc): void {
        this.roots.set(rootKey(rc.root), rc);
        this.ignoredCache.clear();
    }

    remove(root: URI): void {
        if (this.roots.delete(rootKey(root))) {
            this.ignoredCache.clear();
        }
    }

    all(): WorkflowRc[] {
        return [...this.roots.values()];
    }

    /** The configuration of the innermost root that holds `uri`; a document of no root (`untitled:`) gets the only root's. */
    forDocument(uri: URI): WorkflowRc | undefined {
        let best: WorkflowRc | undefined;
        for (const rc of this.roots.values()) {
            if (relativePath(rc.root, uri) !== undefined && (!best || rc.root.path.length > best.root.path.length)) best = rc;
        }
        if (!best && uri.scheme === 'untitled' && this.roots.size === 1) {
            return this.roots.values().next().value;
        }
        return best;
    }

    /** Whether some root has ignore patterns: when none has, nothing needs filtering. */
    get ignoresAnything(): boolean {
        for (const rc of this.roots.values()) if (rc.ignoresAnything) return true;
        return false;
    }

    /** `isIgnored` for a URI in its string form (as the index keys documents). */
    isIgnoredKey(key: string, parse: (key: string) => URI): boolean {
        const cached = this.ignoredCache.get(key);
        return cached ?? this.isIgnored(parse(key));
    }

    /** Whether `ignore` of the document's root leaves it out (a folder: pass `folder`). */
    isIgnored(uri: URI, folder = false): boolean {
        const key = `${uri.toString()}${folder ? '/' : ''}`;
        let ignored = this.ignoredCache.get(key);
        if (ignored === undefined) {
            ignored = this.computeIgnored(uri, folder);
            this.ignoredCache.set(key, ignored);
        }
        return ignored;
    }

    private computeIgnored(uri: URI, folder: boolean): boolean {
        const rc = this.forDocument(uri);
        const path = rc && relativePath(rc.root, uri);
        return path !== undefined && rc!.isIgnored(folder ? `${path}/` : path);
    }
}

function rootKey(root: URI): string {
    return root.toString().replace(/\/+$/, '');
}

/** The store of a language service's shared services (one per workspace). */
export function workflowRcOf(shared: LangiumSharedCoreServices): WorkflowRcStore {
    return (shared as LangiumSharedCoreServices & { workspace: { WorkflowRc: WorkflowRcStore } }).workspace.WorkflowRc;
}
