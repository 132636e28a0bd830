/** Strings of the summary panel beyond the shared ones: connections and the source a network follows. */
export const summaryMessages = {
  en: {
    connections: 'Connections',
    totalConnections: 'Connections per example',
    connectionsHint: 'Connections count every weighted link from an input value (or a bias) to an output value, a shared weight at each use — the figure LeCun et al. (1998) give per layer.',
    source: 'Follows',
    installedCounts: 'Parameter counts of the installed model {name}, with its layers frozen as in transfer learning; the table below is the picked network.',
  },
  ja: {
    connections: '結合数',
    totalConnections: '1 例あたりの結合数',
    connectionsHint: '結合数は、入力の値（またはバイアス）から出力の値への重みつきの結びつきをすべて数えたもの（共有された重みは使われるたびに数える）。LeCun ら（1998）が層ごとに示している数です。',
    source: '出典',
    installedCounts: 'パラメーター数は、転移学習で層を凍結した状態の、設定済みのモデル {name} のものです。下の表は選んだネットワークです。',
  },
};
