import { describe, expect, it } from 'vitest';
import { coresOption } from './coresParam';
import { URL_KEYS } from './urlCodec';

describe('?cores=', () => {
  it('passes a known mode to the engine and ignores anything else', () => {
    expect(coresOption('?cores=threads')).toEqual({ wasmCores: 'threads' });
    expect(coresOption('?arch=lenet5&cores=one')).toEqual({ wasmCores: 'one' });
    expect(coresOption('?cores=workers')).toEqual({ wasmCores: 'workers' });
    expect(coresOption('?cores=9')).toEqual({});
    expect(coresOption('')).toEqual({});
  });
  it('is a key the share-link codec knows (no "unknown key" notice)', () => {
    expect(URL_KEYS).toContain('cores');
  });
});
