import { describe, expect, it } from 'vitest';
import { isSkipWaiting, SKIP_WAITING } from './updateProtocol';

describe('isSkipWaiting', () => {
  it('accepts the message workbox-window posts and nothing else', () => {
    expect(isSkipWaiting(SKIP_WAITING)).toBe(true);
    expect(isSkipWaiting({ type: 'SKIP_WAITING', extra: 1 })).toBe(true);
    for (const other of [null, undefined, 'SKIP_WAITING', { type: 'cnn-content-status' }, {}, 42]) expect(isSkipWaiting(other)).toBe(false);
  });
});
