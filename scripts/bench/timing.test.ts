import { describe, expect, it } from 'vitest';
import { initialStylesheets, WORKER_CHUNK } from './bundleSize';
import { throughputOf, timedThroughput } from './page/timing';

describe('timedThroughput', () => {
  it('is the last mark’s examples over its seconds', () => {
    expect(timedThroughput([{ examples: 64, sec: 1, loss: 2 }, { examples: 128, sec: 1.6, loss: 2 }])).toEqual({ examples: 128, seconds: 1.6, examplesPerSec: 80 });
  });

  it('refuses an empty run', () => {
    expect(() => timedThroughput([])).toThrow(/No batch/);
  });

  it('throughputOf converts milliseconds', () => {
    expect(throughputOf(500, 250).examplesPerSec).toBe(2000);
  });
});

describe('bundle helpers', () => {
  it('finds index.html’s local stylesheets', () => {
    const html = '<link rel="stylesheet" crossorigin href="./assets/index-1.css"><link rel="icon" href="x.svg"><link rel="stylesheet" href="https://cdn/x.css">';
    expect(initialStylesheets(html)).toEqual(['./assets/index-1.css']);
  });

  it('recognises Vite worker chunks', () => {
    expect(WORKER_CHUNK.test('engine.worker-CNzEXhjH.js')).toBe(true);
    expect(WORKER_CHUNK.test('index-CNzEXhjH.js')).toBe(false);
  });
});
