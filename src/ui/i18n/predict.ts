/** Strings of Predict's input options (src/ui/PredictPanel.tsx). */
export const predictMessages = {
  en: {
    invert: 'Invert (dark on light)',
    invertHint: 'The digits were trained as light strokes on black: invert a dark drawing on white or a photo of paper.',
    inverted: 'inverted',
  },
  ja: {
    invert: '白黒を反転（白地に黒）',
    invertHint: '数字は黒地に白い線で訓練されています。白地に黒で描いた絵や紙の写真は反転してください。',
    inverted: '反転済み',
  },
} as const;
