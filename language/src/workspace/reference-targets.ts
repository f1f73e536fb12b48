/**
 * What each document's references resolve to, counted: every target, and the targets in other
 * documents by `uri#path`. `unused` asks whether anything in the workspace refers to a team or a
 * system, and the document builder's signature of a file lists the declarations of other files it
 * refers to. The counts are kept per document for the list of references they were taken from;
 * after an incremental link (`langium-patches/node-replacement.ts`) they follow the linker's
 * splice, so a keystroke counts the new node's references alone instead of every reference again.
 */
import type { AstNode, LangiumDocument, ServiceRegistry } from 'langium';
import { AstUtils } from 'langium';
import { spliceAfter } from '../langium-patches/node-replacement.js';

export interface Targets {
    /** Every target of the document's references, with how many refer to it. */
    readonly all: ReadonlyMap<AstNode, number>;
    /** `uri#path` of every target in another document, with how many refer to it. */
    readonly foreign: ReadonlyMap<string, number>;
}

interface Counted extends Targets {
    readonly all: Map<AstNode, number>;
    readonly foreign: Map<string, number>;
    /** The list counted, and its length then (a reference resolved late is pushed onto the list). */
    references: readonly object[];
    length: number;
}

export class ReferenceTargets {
    private readonly counted = new WeakMap<LangiumDocument, Counted>();
    /** A node's `uri#path`: a node keeps its place in its document for life (a re-parse makes new nodes). */
    private readonly keys = new WeakMap<AstNode, string>();

    constructor(private readonly registry: ServiceRegistry) {}

    of(document: LangiumDocument): Targets {
        const references = document.references;
        const last = this.counted.get(document);
        if (last && last.references === references && last.length === references.length) {
            return last;
        }
        const splice = last && spliceAfter(references, last.references, last.length);
        let counted: Counted;
        if (last && splice) {
            counted = last;
            for (let i = splice.at; i < splice.at + splice.removed; i++) this.count(counted, document, targetOf(splice.previous[i]), -1);
            for (let i = splice.at; i < splice.at + splice.added; i++) this.count(counted, document, targetOf(references[i]), 1);
            for (const i of splice.repointed) {
                this.count(counted, document, splice.replaced, -1);
                this.count(counted, document, targetOf(references[i]), 1);
            }
        } else {
            counted = { all: new Map(), foreign: new Map(), references, length: 0 };
            for (const reference of references) this.count(counted, document, targetOf(reference), 1);
        }
        counted.references = references;
        counted.length = references.length;
        this.counted.set(document, counted);
        return counted;
    }

    private count(counted: Counted, document: LangiumDocument, target: AstNode | undefined, by: 1 | -1): void {
        if (!target) return;
        add(counted.all, target, by);
        const key = this.foreignKey(target, document);
        if (key) add(counted.foreign, key, by);
    }

    /** `uri#path` of a target in another document, or undefined for one in the document itself. */
    private foreignKey(target: AstNode, document: LangiumDocument): string | undefined {
        const targetDocument = AstUtils.getDocument(target);
        if (targetDocument === document) return undefined;
        const uri = targetDocument.uri.toString();
        if (uri === document.uri.toString()) return undefined;
        let key = this.keys.get(target);
        if (key === undefined) {
            key = `${uri}#${this.registry.getServices(targetDocument.uri).workspace.AstNodeLocator.getAstNodePath(target)}`;
            this.keys.set(target, key);
        }
        return key;
    }
}

function targetOf(reference: object): AstNode | undefined {
    return 'ref' in reference ? (reference.ref as AstNode | undefined) : undefined;
}

function add<K>(counts: Map<K, number>, key: K, by: number): void {
    const count = (counts.get(key) ?? 0) + by;
    if (count > 0) counts.set(key, count);
    else counts.delete(key);
}
