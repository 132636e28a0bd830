import { formatShape, kerasTypeName, type GraphInfo } from '../arch/index';
import { useFormatNumber, useT } from './i18n/index';

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

/** Totals (parameters, MACs, memory) and the Keras-style per-layer table of the chosen network. */
export function SummaryPanel({ info }: { info: GraphInfo }) {
  const t = useT();
  const fmt = useFormatNumber();
  return (
    <section className="panel summary-panel" aria-labelledby="summary-heading">
      <h2 id="summary-heading">
        {t('summary')}: <span data-testid="model-name">{info.name}</span>
      </h2>
      <dl className="totals">
        <div>
          <dt>{t('totalParams')}</dt>
          <dd data-testid="total-params">{fmt(info.totalParams)}</dd>
        </div>
        <div>
          <dt>{t('trainableParams')}</dt>
          <dd data-testid="summary-trainable-params">{fmt(info.trainableParams)}</dd>
        </div>
        <div>
          <dt>{t('nonTrainableParams')}</dt>
          <dd data-testid="non-trainable-params">{fmt(info.nonTrainableParams)}</dd>
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
                <td className="num">{fmt(l.macs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
