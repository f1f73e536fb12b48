/**
 * What the extension accepts from the preview's webview: messages within the size limits, and
 * error text shown as plain text, never as a link (`command:` links included).
 */
import * as assert from 'node:assert/strict';
import { isFromWebview, plainNotice, WEBVIEW_LIMITS } from '../../protocol/webview-messages.js';

describe('messages from the webview', () => {
    it('refuses messages over the limits', () => {
        assert.ok(isFromWebview({ type: 'exported', requestId: 1, format: 'svg', data: '<svg/>' }));
        assert.ok(!isFromWebview({ type: 'exported', requestId: 1, format: 'svg', data: 'x'.repeat(WEBVIEW_LIMITS.exportChars + 1) }));
        assert.ok(!isFromWebview({ type: 'error', message: 'x'.repeat(WEBVIEW_LIMITS.errorChars + 1) }));
        const ids = Array.from({ length: 20_000 }, (_, i) => `${'n'.repeat(990)}${i}`);
        assert.ok(
            !isFromWebview({ type: 'rendered', workflow: 'W', nodeIds: ids, edgeCount: 0, laneIds: [], stale: false }),
            'ids over the total',
        );
        assert.ok(isFromWebview({ type: 'rendered', workflow: 'W', nodeIds: ['A'], edgeCount: 0, laneIds: ['T'], stale: false }));
    });

    it('turns error text into one plain line that VS Code cannot render as a link', () => {
        const notice = plainNotice(
            'Layout failed [x](command:workbench.action.terminal.new)\n[y] (https://example.com) [z]\t(file:///etc/passwd)',
        );
        assert.doesNotMatch(notice, /\]\(/);
        assert.doesNotMatch(notice, /[\n\t]/);
        assert.match(notice, /^Layout failed \[x\] \(command:/);
        assert.ok(plainNotice('e'.repeat(5000)).length <= 300);
    });
});
