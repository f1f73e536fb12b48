/**
 * Patch of Langium 4.4.0 `CstNodeBuilder.addHiddenNodes`, installed by writing the private
 * `LangiumParser.nodeBuilder` field (created in the parser's constructor, not injectable).
 *
 * Langium's parser asks its CST builder to attach hidden tokens (comments) before every consumed
 * token, even when there are none. For the first token of a new node the builder then searches the
 * parent's children with `indexOf` — once per step, over all the steps before it — which made one
 * 20,000-step workflow spend a large share of its parse time there. With no hidden tokens there is
 * nothing to attach, so the search is skipped; with comments Langium's method runs unchanged.
 */
import type { IToken } from 'chevrotain';
import type { LangiumCoreServices, LangiumParser } from 'langium';
import { createLangiumParser, CstNodeBuilder } from 'langium';
import { installContainerLinks } from './container-links.js';

class LinearCstNodeBuilder extends CstNodeBuilder {
    override addHiddenNodes(tokens: IToken[]): void {
        if (tokens.length > 0) {
            super.addHiddenNodes(tokens);
        }
    }
}

export function createLinearCstParser(services: LangiumCoreServices): LangiumParser {
    const parser = createLangiumParser(services);
    // `nodeBuilder` is created in the parser's constructor and not injectable.
    (parser as unknown as { nodeBuilder: CstNodeBuilder }).nodeBuilder = new LinearCstNodeBuilder();
    installContainerLinks(parser);
    return parser;
}
