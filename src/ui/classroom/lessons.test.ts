import { applyChange } from '../recipeState';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPERIMENT } from '../experiment';
import { lessonMessages } from '../i18n/lessons';
import { decodeExperiment } from '../urlCodec';
import { LESSON_IDS, LESSON_QUERIES, lessonExperiment, lessonHref } from './lessons';
import { shareLink } from './shareLink';

describe('lesson presets', () => {
  it.each(LESSON_IDS)('%s is a valid link that round-trips through the codec', (id) => {
    const { state, notices } = decodeExperiment(lessonHref(id, 'ja'));
    expect(notices).toEqual([]);
    expect(state).toEqual(lessonExperiment(id, 'ja'));
    expect(state.lesson).toBe(id);
    expect(state.lang).toBe('ja');
    expect(decodeExperiment(`?${LESSON_QUERIES[id]}`).notices).toEqual([]);
  });

  it.each(LESSON_IDS)('%s has a title, an explanation and a question in both languages', (id) => {
    for (const lang of ['en', 'ja'] as const) {
      for (const part of ['title', 'text', 'question'] as const) expect(lessonMessages[lang][`${id}:${part}`].length).toBeGreaterThan(10);
    }
  });

  it('follows the course order: LeNet-5 first, the Keras workflow last', () => {
    expect(LESSON_IDS[0]).toBe('lenet-then-and-now');
    expect(LESSON_IDS.at(-1)).toBe('keras-workflow');
    expect(lessonExperiment('lenet-then-and-now', 'en')).toMatchObject({ arch: 'lenet5', variant: '1998' });
    expect(lessonExperiment('inception-cost', 'en')).toMatchObject({ arch: 'googlenet', panel: 'cost-explorer' });
  });
});

describe('shareLink', () => {
  it('keeps the page path, drops the old query and hash, adds the experiment and hide flags', () => {
    const link = shareLink('https://u.github.io/cnn-playground/?arch=zzz#top', applyChange(DEFAULT_EXPERIMENT, { arch: 'resnet20', epochs: 3 }), new Set(['backend'] as const));
    expect(link).toBe('https://u.github.io/cnn-playground/?v=1&arch=resnet20&epochs=3&backend_hide=1');
    expect(decodeExperiment(new URL(link).search).state).toMatchObject({ arch: 'resnet20', epochs: 3 });
  });
});
