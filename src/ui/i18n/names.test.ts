import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ZOO } from '../../arch/index';
import { COLOR_SHAPE_CLASS_NAMES } from '../../data/index';
import { classNameIn, classNameParam, datasetIdParam, message, sayMessage } from '../../messages/index';
import { nameMessages } from './names';

const json = (path: string): unknown => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
const manifest = (id: string) => json(`../../../public/data/${id}/manifest.json`) as { id: string; classNames: string[] };
const bases = (json('../../../public/models/index.json') as { bases: { id: string; title: string; dataset: string; classNames: string[] }[] }).bases;

/** Latin letters that are not part of a name the Japanese UI keeps as written. */
const englishWords = (s: string) => s.replace(/LeNet-5|ResNet-8|CIFAR|MNIST|Fashion-MNIST|torchvision/g, '').match(/[A-Za-z]{2,}/g) ?? [];

describe('names from data, in Japanese', () => {
  it('every variant of the zoo has a Japanese label, English the variant itself', () => {
    const variants = new Set([...ZOO.values()].flatMap((e) => e.variants));
    expect(variants.size).toBeGreaterThan(0);
    for (const v of variants) {
      const key = `variant.${v}` as keyof typeof nameMessages.en;
      expect(nameMessages.en[key], v).toBe(v);
      expect(nameMessages.ja[key], v).toBeDefined();
      expect(englishWords(nameMessages.ja[key]), v).toEqual([]);
    }
  });

  it('every shipped pretrained base has a Japanese title, English the one in models/index.json', () => {
    expect(bases.length).toBeGreaterThan(0);
    for (const b of bases) {
      const key = `base.${b.id}` as keyof typeof nameMessages.en;
      expect(nameMessages.en[key], b.id).toBe(b.title);
      expect(nameMessages.ja[key], b.id).toBeDefined();
      expect(englishWords(nameMessages.ja[key]), b.id).toEqual([]);
    }
  });

  it('every class of the bundled datasets and the bases has a Japanese name, and English stays as the data spells it', () => {
    const classes: [string, string][] = [
      ...manifest('fashion-mnist').classNames.map((n): [string, string] => ['fashion-mnist', n]),
      ...manifest('mnist').classNames.map((n): [string, string] => ['mnist', n]),
      ...COLOR_SHAPE_CLASS_NAMES.map((n): [string, string] => ['color-shapes', n]),
      ...COLOR_SHAPE_CLASS_NAMES.map((n): [string, string] => ['shapes', n]),
      ...bases.flatMap((b) => b.classNames.map((n): [string, string] => [b.dataset, n])),
    ];
    for (const [dataset, name] of classes) {
      expect(classNameIn('en', dataset, name)).toBe(name);
      const ja = classNameIn('ja', dataset, name);
      if (/^\d+$/.test(name)) expect(ja).toBe(name);
      else expect(englishWords(ja), `${dataset}: ${name} → ${ja}`).toEqual([]);
    }
    expect(classNameIn('ja', 'fashion-mnist', 'T-shirt/top')).toBe('Tシャツ/トップ');
    expect(classNameIn('ja', 'fashion-mnist', 'Ankle boot')).toBe('アンクルブーツ');
  });

  it('an uploaded class keeps its own name, even one a bundled dataset has', () => {
    expect(classNameIn('ja', 'uploads', 'Bag')).toBe('Bag');
    expect(classNameIn('ja', null, 'Bag')).toBe('Bag');
    expect(classNameParam('uploads', 'Bag')).toBe('Bag');
  });

  it('worker messages name datasets and classes in the message language, English as before', () => {
    const m = message('transfer.wrongDataset', { dataset: datasetIdParam('fashion-mnist') });
    expect(sayMessage(m, 'en')).toBe('This model was trained on "fashion-mnist" images: choose that dataset first.');
    expect(sayMessage(m, 'ja')).toContain('「Fashion-MNIST」');
    const c = message('transfer.classNoImage', { name: classNameParam('fashion-mnist', 'Trouser'), split: message('transfer.splitTest') });
    expect(sayMessage(c, 'en')).toContain('"Trouser"');
    expect(sayMessage(c, 'ja')).toContain('「ズボン」');
  });
});
