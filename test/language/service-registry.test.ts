/**
 * The service registry's short cut for the language's own extension (`workspace/workflow-service-registry.ts`)
 * answers as Langium's registry does: by extension, by the open document's language for other
 * URIs, and not at all for a file of another language.
 */
import * as assert from 'node:assert/strict';
import { DefaultServiceRegistry, EmptyFileSystem, URI } from 'langium';
import { setTextDocument } from 'langium/test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createWorkflowServices } from '../../language/src/workflow-module.js';
import { WorkflowServiceRegistry } from '../../language/src/workspace/workflow-service-registry.js';

describe('the service registry', () => {
    it('answers every URI as the default registry does', () => {
        const { shared, Workflow } = createWorkflowServices(EmptyFileSystem);
        assert.ok(shared.ServiceRegistry instanceof WorkflowServiceRegistry);
        const reference = new DefaultServiceRegistry(shared);
        reference.register(Workflow);
        setTextDocument(shared, TextDocument.create('untitled:Untitled-1', 'workflow', 1, 'team A "A" {}'));
        setTextDocument(shared, TextDocument.create('file:///w/notes.txt', 'workflow', 1, 'team A "A" {}'));
        setTextDocument(shared, TextDocument.create('file:///w/plain.workflow', 'plaintext', 1, ''));
        const uris = [
            'file:///w/a.workflow',
            'file:///w/plain.workflow',
            'untitled:Untitled-1',
            'file:///w/notes.txt',
            'file:///w/other.txt',
            'untitled:Untitled-2',
        ];
        for (const text of uris) {
            const uri = URI.parse(text);
            const expected: unknown = reference.hasServices(uri) ? reference.getServices(uri) : undefined;
            const actual: unknown = shared.ServiceRegistry.hasServices(uri) ? shared.ServiceRegistry.getServices(uri) : undefined;
            assert.equal(actual, expected, text);
        }
        assert.equal(shared.ServiceRegistry.hasServices(URI.parse('file:///w/other.txt')), false);
        assert.equal(shared.ServiceRegistry.getServices(URI.parse('untitled:Untitled-1')), Workflow);
    });
});
