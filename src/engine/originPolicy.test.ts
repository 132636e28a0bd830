import { describe, expect, it } from 'vitest';
import { toUserMessage } from '../messages/index';
import { allowedUrl, guardedFetch, OPT_IN_PREFIXES } from './originPolicy';
import { MOBILENET_URL } from './transfer/transferProtocol';

const ORIGIN = 'https://teacher.github.io';

describe('the worker origin policy', () => {
  it("allows the page origin (relative or absolute), data: and blob: URLs, and tfjs' model bucket (MobileNet's host) only", () => {
    expect(OPT_IN_PREFIXES).toEqual(['https://storage.googleapis.com/tfjs-models/']);
    expect(allowedUrl('/cnn/data/mnist/shard-0.bin', ORIGIN)).toBe(true);
    expect(allowedUrl('https://teacher.github.io/cnn/models/index.json', ORIGIN)).toBe(true);
    expect(allowedUrl('data:application/json,{}', ORIGIN)).toBe(true);
    expect(allowedUrl('blob:https://teacher.github.io/1234', ORIGIN)).toBe(true);
    expect(allowedUrl(MOBILENET_URL, ORIGIN)).toBe(true);
    expect(allowedUrl(MOBILENET_URL.replace('model.json', 'group1-shard1of1'), ORIGIN)).toBe(true);
    expect(allowedUrl('https://storage.googleapis.com/other-bucket/model.json', ORIGIN)).toBe(false);
    expect(allowedUrl('https://evil.example/model.json', ORIGIN)).toBe(false);
    expect(allowedUrl('http://teacher.github.io/cnn/models/index.json', ORIGIN)).toBe(false);
    expect(allowedUrl('https://teacher.github.io.evil.example/x', ORIGIN)).toBe(false);
  });

  it('refuses before the request leaves, with a message naming the URL and the origin', async () => {
    const seen: string[] = [];
    const inner = (async (input: RequestInfo | URL) => {
      seen.push(String(input));
      return new Response('{}');
    }) as typeof fetch;
    const guarded = guardedFetch(inner, ORIGIN);
    await expect(guarded('/cnn/models/index.json')).resolves.toBeInstanceOf(Response);
    const refusal = await guarded(new URL('https://evil.example/model.json')).catch((e: unknown) => toUserMessage(e));
    expect(refusal).toMatchObject({ code: 'engine.originRefused', params: { url: 'https://evil.example/model.json', origin: ORIGIN } });
    expect(seen).toEqual(['/cnn/models/index.json']);
  });
});
