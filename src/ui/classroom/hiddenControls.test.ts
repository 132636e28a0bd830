import { describe, expect, it } from 'vitest';
import { encodeHidden, parseHidden, withHidden } from './hiddenControls';

describe('teacher-mode hide flags', () => {
  it('reads known `<key>_hide=1|true` flags and ignores everything else', () => {
    const hidden = parseHidden('?arch_hide=1&backend_hide=true&epochs_hide=0&zzz_hide=1&<script>_hide=1&arch=vgg16');
    expect([...hidden].sort()).toEqual(['arch', 'backend']);
  });

  it('encodes flags in a stable order', () => {
    expect(encodeHidden(new Set(['backend', 'arch'] as const))).toBe('arch_hide=1&backend_hide=1');
    expect(encodeHidden(new Set())).toBe('');
  });

  it('replaces the flags of a query string and keeps the experiment keys', () => {
    expect(withHidden('?v=1&arch=vgg16&arch_hide=1&lr_hide=1', new Set(['dataset'] as const))).toBe('v=1&arch=vgg16&dataset_hide=1');
    expect(withHidden('?v=1', new Set())).toBe('v=1');
  });
});
