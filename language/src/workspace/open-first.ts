/**
 * The documents a build takes first when it holds open documents and files the workspace read
 * at start-up and has not parsed yet: the open documents and
 * every document their diagnostics can depend on. Those are built, the open ones validated and
 * published, before the rest of the workspace is parsed.
 *
 * An open document's diagnostics depend on the documents that declare a name it mentions (link
 * targets, and namesakes for `duplicate-name`), on those that mention a name it declares (whether
 * a declaration is `unused`), and, through its link targets, on what those depend on in turn (a
 * called workflow's own calls). `name-scan.ts` reads the names from the text, erring
 * towards too many; a document whose text is not at hand is taken first as well. The set is
 * closed under "declares a name mentioned by a document in it", starting from the open
 * documents and the documents that mention their names.
 */
import type { LangiumDocument } from 'langium';
import { codeOf, declaredNames, mentionedNames, mentionsAny } from './name-scan.js';

export interface OpenFirst {
    /** The documents of the build to build first, in the build's order. */
    first: LangiumDocument[];
    /** Those of `first` that are not open: linked first, validated with the rest. */
    dependencies: Set<LangiumDocument>;
}

export function openFirst(
    building: LangiumDocument[],
    workspace: LangiumDocument[],
    isOpen: (document: LangiumDocument) => boolean,
    textOf: (document: LangiumDocument) => string | undefined,
): OpenFirst | undefined {
    const open = building.filter(isOpen);
    if (open.length === 0) return undefined;
    const texts = new Map(workspace.map(document => [document, textOf(document)]));
    const declarers = new Map<string, LangiumDocument[]>();
    for (const [document, text] of texts) {
        for (const name of text === undefined ? [] : declaredNames(text)) {
            const list = declarers.get(name);
            if (list) list.push(document);
            else declarers.set(name, [document]);
        }
    }
    const declaredByOpen = new Set(open.flatMap(document => [...declaredNames(texts.get(document) ?? '')]));
    const taken = new Set<LangiumDocument>(open);
    for (const [document, text] of texts) {
        if (text === undefined || mentionsAny(text, declaredByOpen)) taken.add(document);
    }
    const pending = [...taken];
    while (pending.length > 0) {
        const text = texts.get(pending.pop()!);
        for (const name of text === undefined ? [] : mentionedNames(codeOf(text))) {
            for (const declarer of declarers.get(name) ?? []) {
                if (!taken.has(declarer)) {
                    taken.add(declarer);
                    pending.push(declarer);
                }
            }
        }
    }
    const first = building.filter(document => taken.has(document));
    if (first.length === building.length) return undefined;
    return { first, dependencies: new Set(first.filter(document => !isOpen(document))) };
}
