/** The bundled examples as the export tests walk them: every workflow of every example file, problems included. */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Every workflow of every example file, as `[file, workflow]`. */
export function exampleWorkflows(): Array<[string, string]> {
    const files = ['examples', 'examples/problems'].flatMap(folder =>
        fs
            .readdirSync(folder)
            .filter(name => name.endsWith('.workflow'))
            .map(name => path.join(folder, name)),
    );
    return files.flatMap(file =>
        [...fs.readFileSync(file, 'utf8').matchAll(/^workflow\s+([A-Za-z_]\w*)/gm)].map(match => [file, match[1]] as [string, string]),
    );
}
