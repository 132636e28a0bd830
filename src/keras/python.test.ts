import { describe, expect, it } from 'vitest';
import { expr, py, pyCall, pyIdentifier, pyList } from './python';

describe('Python literals', () => {
  it('write numbers, strings, booleans, None and tuples as Python reads them', () => {
    expect(py(0.001)).toBe('0.001');
    expect(py(1e-7)).toBe('1e-7');
    expect(py(1.001e-5)).toBe('0.00001001');
    expect(py(true)).toBe('True');
    expect(py(null)).toBe('None');
    expect(py('say "hi"')).toBe('"say \\"hi\\""');
    expect(py([5, 5])).toBe('(5, 5)');
    expect(py([3])).toBe('(3,)');
    expect(py([[1, 0], [0, 1]])).toBe('((1, 0), (0, 1))');
    expect(pyList([1, 'a'])).toBe('[1, "a"]');
  });

  it('write calls and identifiers', () => {
    expect(pyCall('layers.Dense', [10], [['activation', 'softmax'], ['init', expr('INIT')]])).toBe('layers.Dense(10, activation="softmax", init=INIT)');
    expect(pyIdentifier('lenet5-modern')).toBe('lenet5_modern');
    expect(pyIdentifier('3a')).toBe('_3a');
  });
});
