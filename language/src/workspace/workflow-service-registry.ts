/**
 * Langium's service registry first looks a URI up among the open text documents (for the
 * language the editor gave it) and only then by its extension. The look-up normalizes the URI,
 * which parses and formats it again, and the registry is asked once per cross-file reference
 * when a build links and indexes. With one language registered, a URI whose extension or file
 * name is the language's own gets that language whatever the editor calls it (an unknown
 * language id falls back to the extension as well), so its look-up can be skipped; any other
 * URI (an untitled buffer, another extension) goes the default way.
 */
import type { LangiumCoreServices, URI } from 'langium';
import { DefaultServiceRegistry, UriUtils } from 'langium';

export class WorkflowServiceRegistry extends DefaultServiceRegistry {
    override getServices(uri: URI): LangiumCoreServices {
        if (this.languageIdMap.size === 1) {
            const services = this.fileNameMap.get(UriUtils.basename(uri)) ?? this.fileExtensionMap.get(UriUtils.extname(uri));
            if (services) return services;
        }
        return super.getServices(uri);
    }
}
