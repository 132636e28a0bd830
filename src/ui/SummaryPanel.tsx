import { formatShape, kerasTypeName, type GraphInfo } from '../arch/index';
import { useFormatNumber, useMessages, APP_MESSAGES } from './i18n/index';
import { summaryMessages } from './i18n/summary';
import { fill } from './i18n/format';
import { useRenderCount } from './renderCount';
import { useTrainingView } from './trainingContext';

function bytes(n: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v.toFixed(1)} ${units[u]}`;
}

/**
 * Totals (parameters, connections, MACs, memory), the source the network follows, and the Keras-style
 * per-layer table of the chosen network.
 */
export function SummaryPanel({ info }: { info: GraphInfo }) {
  const t = useMessages(APP_MESSAGES);
  const s = useMessages(summaryMessages);
  const { say } = s;
  const fmt = useFormatNumber();
  // With a transfer model installed, the counts are that model's, following its freeze state.
  useRenderCount('SummaryPanel');
  const installed = useTrainingView((v) => (v.adopted !== null ? v.build : null));
  const counts = installed
    ? { total: installed.totalParams, trainable: installed.trainableParams, nonTrainable: installed.nonTrainableParams }
    : { total: info.totalParams, trainable: info.trainableParams, nonTrainable: info.nonTrainableParams };
  return (
    <section className="panel summary-panel" aria-labelledby="summary-heading">
      <h2 id="summary-heading">
        {t('summary')}: <span data-testid="model-name">{info.name}</span>
      </h2>
      {info.source ? (
        <p className="model-source">
          {s('source')}: <span data-testid="model-source">{say(info.source)}</span>
        </p>
      ) : null}
      {installed && (
        <p className="hint" data-testid="summary-installed">
          {fill(s('installedCounts'), { name: installed.name })}
        </p>
      )}
      <dl className="totals">
        <div>
          <dt>{t('totalParams')}</dt>
          <dd data-testid="total-params">{fmt(counts.total)}</dd>
        </div>
        <div>
          <dt>{t('trainableParams')}</dt>
          <dd data-testid="summary-trainable-params">{fmt(counts.trainable)}</dd>
        </div>
        <div>
          <dt>{t('nonTrainableParams')}</dt>
          <dd data-testid="non-trainable-params">{fmt(counts.nonTrainable)}</dd>
        </div>
        <div>
          <dt title={s('connectionsHint')}>{s('totalConnections')}</dt>
          <dd data-testid="total-connections">{fmt(info.connections)}</dd>
        </div>
        <div>
          <dt>{t('totalMacs')}</dt>
          <dd data-testid="total-macs">{fmt(info.macs)}</dd>
        </div>
        <div>
          <dt>{t('activationMemory')}</dt>
          <dd data-testid="activation-memory">{bytes(info.activations * 4)}</dd>
        </div>
      </dl>
      <div className="table-scroll" tabIndex={0} aria-label={t('summary')}>
        <table data-testid="summary-table">
          <thead>
            <tr>
              <th scope="col">{t('layerType')}</th>
              <th scope="col">{t('outputShape')}</th>
              <th scope="col" className="num">
                {t('params')}
              </th>
              <th scope="col" className="num" title={s('connectionsHint')}>
                {s('connections')}
              </th>
              <th scope="col" className="num">
                {t('macs')}
              </th>
            </tr>
          </thead>
          <tbody>
            {info.layers.map((l) => (
              <tr key={l.name} data-kind={l.kind}>
                <td>
                  {l.name} <span className="type">({kerasTypeName(l.kind)})</span>
                </td>
                <td>{formatShape(l.outputShape)}</td>
                <td className="num">{fmt(l.params)}</td>
                <td className="num">{fmt(l.connections)}</td>
                <td className="num">{fmt(l.macs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
