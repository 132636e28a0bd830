import { useContext, useMemo } from 'react';
import { LangContext } from './index';

/**
 * The bundled datasets' class names (as their manifests and generators write them, in English) in
 * Japanese. Digits need none; a user's own class names are shown as they typed them.
 */
const JA: Readonly<Record<string, string>> = {
  'T-shirt/top': 'Tシャツ/トップ',
  Trouser: 'ズボン',
  Pullover: 'プルオーバー',
  Dress: 'ドレス',
  Coat: 'コート',
  Sandal: 'サンダル',
  Shirt: 'シャツ',
  Sneaker: 'スニーカー',
  Bag: 'バッグ',
  'Ankle boot': 'アンクルブーツ',
  Circle: '円',
  Square: '正方形',
  Triangle: '三角形',
  Cross: '十字',
  Ring: '輪',
  Star: '星',
};

/** A class name in the UI's language (bundled datasets' names translated; anything else unchanged). */
export function useClassName(): (name: string) => string {
  const lang = useContext(LangContext);
  return useMemo(() => (name: string) => (lang === 'ja' ? (JA[name] ?? name) : name), [lang]);
}

/** Every class name this module translates (for a test that no bundled class is left out). */
export const TRANSLATED_CLASS_NAMES: readonly string[] = Object.keys(JA);
