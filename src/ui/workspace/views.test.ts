import { describe, expect, it } from 'vitest';
import { decodeExperiment, encodeExperiment } from '../urlCodec';
import { shownView, shows, viewOfPanel } from './views';

describe('views (?view=)', () => {
  it('round-trips through the share link and rejects unknown views', () => {
    const { state, notices } = decodeExperiment('?view=depth');
    expect(notices).toEqual([]);
    expect(state.view).toBe('depth');
    expect(encodeExperiment(state)).toContain('view=depth');
    expect(encodeExperiment({ ...state, view: '' })).not.toContain('view=');
    const bad = decodeExperiment('?view=admin');
    expect(bad.state.view).toBe('');
    expect(bad.notices).toEqual([{ key: 'view', value: 'admin', reason: 'invalid' }]);
  });

  it('keeps ?panel= links working: a panel of another view opens that view', () => {
    expect(viewOfPanel('augment-experiment')).toBe('data');
    expect(viewOfPanel('training-section')).toBeUndefined();
    expect(shownView({ view: 'depth', panel: 'transfer-panel' })).toBe('transfer');
    expect(shownView({ view: 'depth', panel: 'depth-experiment' })).toBe('depth');
    expect(shownView({ view: '', panel: 'transfer-panel' })).toBe('');
    expect(shownView({ view: 'cost', panel: 'training-section' })).toBe('cost');
    expect(shows('', 'transfer') && shows('transfer', 'transfer') && !shows('depth', 'transfer')).toBe(true);
  });
});
