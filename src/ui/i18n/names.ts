/**
 * Names that come from data rather than from a panel: the zoo's variants, the shipped pretrained bases'
 * titles (public/models/index.json), and the bundled datasets' class names (src/messages/datasetMessages.ts).
 * English is the data's own text, so the English UI shows exactly what it did; tests check that every
 * variant and shipped base has a name in both languages.
 */
import { useContext } from 'react';
import { classNameIn, datasetIdParam, sayMessage } from '../../messages/index';
import { LangContext } from './index';

export const nameMessages = {
  en: {
    'variant.modern': 'modern',
    'variant.classic': 'classic',
    'variant.1998': '1998',
    'variant.paper': 'paper',
    'variant.torchvision': 'torchvision',
    'base.lenet5-mnist': 'LeNet-5 (modern) trained on MNIST digits',
    'base.lenet5-mnist-0to4': 'LeNet-5 (modern) trained on MNIST digits 0–4 only',
    'base.resnet8-shapes': 'ResNet-8 (CIFAR-style, width ½) trained on colour shapes',
    sgdMomentum: 'SGD (momentum {momentum})',
  },
  ja: {
    'variant.modern': '現代版',
    'variant.classic': '古典版',
    'variant.1998': '1998 年版',
    'variant.paper': '論文版',
    'variant.torchvision': 'torchvision 版',
    'base.lenet5-mnist': 'MNIST の数字で訓練した LeNet-5（現代版）',
    'base.lenet5-mnist-0to4': 'MNIST の数字 0〜4 だけで訓練した LeNet-5（現代版）',
    'base.resnet8-shapes': 'カラー図形で訓練した ResNet-8（CIFAR 型、幅 ½）',
    sgdMomentum: 'SGD（モーメンタム {momentum}）',
  },
};

export type NameMessageKey = keyof typeof nameMessages.en;

const has = (key: string): key is NameMessageKey => Object.hasOwn(nameMessages.en, key);

/** Names from data in the current language; anything without an entry is shown as the data has it. */
export interface Names {
  /** A zoo variant ("modern" → 「現代版」). */
  variant: (variant: string) => string;
  /** A pretrained base's title, by its id (a base the catalogue does not know keeps `title`). */
  baseTitle: (id: string, title: string) => string;
  /** A class of a dataset (Fashion-MNIST's "Trouser" → 「ズボン」); uploaded classes are shown as named. */
  className: (datasetId: string | null | undefined, name: string) => string;
  /** A dataset id where messages name one: the id in English ("mnist"), the dataset's name in Japanese. */
  datasetId: (id: string) => string;
  /** Any key of the catalogue. */
  t: (key: NameMessageKey) => string;
}

/** {@link Names} for the current UI language. */
export function useNames(): Names {
  const lang = useContext(LangContext);
  const m = nameMessages[lang];
  const lookup = (key: string, fallback: string): string => (has(key) ? m[key] : fallback);
  return {
    variant: (v) => lookup(`variant.${v}`, v),
    baseTitle: (id, title) => lookup(`base.${id}`, title),
    className: (datasetId, name) => classNameIn(lang, datasetId, name),
    datasetId: (id) => {
      const p = datasetIdParam(id);
      return typeof p === 'string' ? p : sayMessage(p, lang);
    },
    t: (key) => m[key],
  };
}
