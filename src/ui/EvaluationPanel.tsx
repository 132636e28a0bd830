import { scaleLinear } from 'd3-scale';
import type { EvaluateResult } from '../engine/protocol';
import { textColorOn } from '../views/contrast';
import { fill, useLocaleFormat } from './i18n/format';
import { useMessages } from './i18n/index';
import { trainingMessages } from './i18n/training';
import { useNames } from './i18n/names';

/**
 * Test loss and accuracy, per-class accuracy, and the confusion matrix as an accessible table; class
 * names in the UI language (`datasetId` is the evaluated dataset's).
 */
export function EvaluationPanel({ result, datasetId }: { result: EvaluateResult; datasetId?: string }) {
  const t = useMessages(trainingMessages);
  const f = useLocaleFormat();
  const names = useNames();
  const classNames = result.classNames.map((n) => names.className(datasetId, n));
  const max = Math.max(1, ...result.confusion.flat());
  const shade = scaleLinear<string>().domain([0, max]).range(['#ffffff', '#1f6feb']);
  return (
    <div className="evaluation">
      <p className="metrics">
        <span>
          {t('testAccuracy')} <b data-testid="test-accuracy" data-value={result.accuracy}>{f.percent(result.accuracy, 2)}</b>
        </span>
        <span>
          {t('testLoss')} <b data-testid="test-loss" data-value={result.loss}>{f.fixed(result.loss, 4)}</b>
        </span>
        <span>{fill(t('onTestImages'), { n: f.count(result.count) })}</span>
      </p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t('confusion')}>
        <table className="confusion" data-testid="confusion-matrix">
          <caption>{t('confusionCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('truePredicted')}</th>
              {classNames.map((n, i) => (
                <th key={i} scope="col" title={n}>
                  {n.length > 8 ? `${n.slice(0, 7)}…` : n}
                </th>
              ))}
              <th scope="col">{t('classAccuracy')}</th>
            </tr>
          </thead>
          <tbody>
            {result.confusion.map((row, r) => (
              <tr key={r}>
                <th scope="row">{classNames[r]}</th>
                {row.map((v, c) => (
                  <td key={c} style={{ background: shade(v), color: textColorOn(shade(v)) }}>
                    {f.count(v)}
                  </td>
                ))}
                <td data-testid="class-accuracy">{f.percent(result.perClassAccuracy[r], 1)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
