import { describe, expect, it } from 'vitest';
import { MESSAGE_CATALOGUES } from '../../messages/index';
import { CATALOGUES } from './index';
import { trainingMessages } from './training';

const modules = import.meta.glob<Record<string, unknown>>(['./*.ts', '!./*.test.ts'], { eager: true });

/** Every Japanese string: the shared ja.ts, each feature catalogue in this folder, and the worker's messages. */
function japaneseStrings(): [string, string][] {
  const out: [string, string][] = Object.entries(CATALOGUES.ja).map(([k, v]) => [`ja.${k}`, v]);
  for (const [file, mod] of Object.entries(modules)) {
    for (const [name, v] of Object.entries(mod)) {
      if (typeof v !== 'object' || v === null || !('en' in v) || !('ja' in v)) continue;
      for (const [k, s] of Object.entries((v as { ja: Record<string, unknown> }).ja)) out.push([`${file}:${name}.${k}`, String(s)]);
    }
  }
  for (const c of MESSAGE_CATALOGUES) for (const [k, s] of Object.entries(c.ja as Record<string, string>)) out.push([k, s]);
  return out;
}

/**
 * One Japanese term per concept. Training is 訓練 (the 「訓練」 button); 学習 only in the fixed terms
 * 転移学習, 機械学習, 深層学習, 学習率, 過学習 and 事前学習(済み) ("learn" is 学ぶ). The losing spellings:
 */
const LOSING: readonly [RegExp, string][] = [
  [/(?<!転移|機械|深層|過|事前)学習(?!率)/, '訓練 (or a fixed term: 転移学習, 学習率, 過学習, 事前学習…)'],
  [/パラメータ(?!ー)/, 'パラメーター'],
  [/スキップコネクション/, 'スキップ接続'],
  [/ブラウザー/, 'ブラウザ'],
  [/チャンネル/, 'チャネル'],
  [/フィルター/, 'フィルタ'],
  [/レイヤー(?!モデル)/, '層 (tfjs の「レイヤーモデル」は名前)'],
  [/精度/, '正解率'],
  [/土台/, 'ベース'],
  [/プレーンネット|残差ネット(?!ワーク)/, 'プレーンなネットワーク / 残差ネットワーク'],
  [/ゼロ埋め/, 'ゼロパディング'],
  [/CNN Playground/, 'CNN プレイグラウンド'],
  [/Softmax|Sigmoid/, 'ソフトマックス / シグモイド'],
];

describe('Japanese terminology is consistent', () => {
  const strings = japaneseStrings();
  it('finds the catalogues', () => {
    expect(strings.length).toBeGreaterThan(500);
  });
  for (const [rx, use] of LOSING) {
    it(`no Japanese string matches ${rx} (use ${use})`, () => {
      expect(strings.filter(([, s]) => rx.test(s)).map(([k, s]) => `${k}: ${s}`)).toEqual([]);
    });
  }
  it('the Train button is 「訓練」, as the texts that name it say', () => {
    expect(trainingMessages.ja.train).toBe('訓練');
    expect(strings.filter(([, s]) => s.includes('「学習」'))).toEqual([]);
  });
});
