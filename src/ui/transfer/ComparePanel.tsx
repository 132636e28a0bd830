import { useState } from 'react';
import { callback } from '../../engine/client';
import type { ComparePoint, CompareResult } from '../../engine/transfer/transferProtocol';
import type { ExperimentState } from '../experiment';
import { fill, useLocaleFormat } from '../i18n/format';
import { useMessages } from '../i18n/index';
import { transferMessages } from '../i18n/transfer';
import { CompareChart } from './CompareChart';
import type { TransferHook } from './useTransfer';

interface Props {
  state: ExperimentState;
  update: (patch: Partial<ExperimentState>) => void;
  hook: TransferHook;
  disabled: boolean;
}

type Curves = Record<'scratch' | 'transfer', ComparePoint[]>;

/**
 * From scratch vs transfer on the installed task, with the experiment's own training settings (transfer
 * learning's recipe unless changed: the same ones Train uses in transfer mode, so both give one result);
 * curves fill in live, test accuracies at the end.
 */
export function ComparePanel({ state, update, hook, disabled }: Props) {
  const t = useMessages(transferMessages);
  const f = useLocaleFormat();
  const { epochs, batchSize: batch, learningRate: lr } = state;
  const [curves, setCurves] = useState<Curves>({ scratch: [], transfer: [] });
  const [result, setResult] = useState<CompareResult | null>(null);
  const running = hook.busy === 'comparing';
  const start = () => void hook.run('comparing', async () => {
    if (!hook.transfer) return;
    setResult(null);
    setCurves({ scratch: [], transfer: [] });
    const onProgress = (arm: 'scratch' | 'transfer', point: ComparePoint) => setCurves((c) => ({ ...c, [arm]: [...c[arm], point] }));
    setResult(await hook.transfer.compare(
      { optimizer: state.optimizer, learningRate: lr, momentum: state.momentum, loss: 'categoricalCrossentropy', schedule: state.schedule },
      { epochs, batchSize: batch, validationSplit: 0, shuffle: state.shuffle, seed: state.seed, trainLimit: 0, augment: state.augment, augmentSeed: state.augmentSeed },
      callback(onProgress),
    ));
  });
  const labels = { scratch: t('scratch'), transfer: t('transferArm') };
  const arm = (a: CompareResult['scratch'], testId: string) => (
    <li>
      <span data-testid={testId} data-value={a.testAccuracy}>
        {fill(t('compareArm'), {
          label: a.label === 'transfer' ? labels.transfer : labels.scratch, acc: f.percent(a.testAccuracy, 1), count: f.count(a.testCount),
          params: f.count(a.trainableParams), secs: f.fixed(a.ms / 1000, 1), cached: a.cached ? t('withCache') : '',
        })}
      </span>
    </li>
  );
  return (
    <section className="transfer-compare" aria-labelledby="transfer-compare-heading">
      <h3 id="transfer-compare-heading">{t('compare')}</h3>
      <p className="hint">{t('compareIntro')}</p>
      <div className="row">
        <label>
          {t('epochs')}
          <input data-testid="transfer-compare-epochs" type="number" min={1} max={200} value={epochs} disabled={disabled} onChange={(e) => update({ epochs: Math.min(200, Math.max(1, Math.round(Number(e.target.value) || 1))) })} />
        </label>
        <label>
          {t('batch')}
          <input data-testid="transfer-compare-batch" type="number" min={1} max={512} value={batch} disabled={disabled} onChange={(e) => update({ batchSize: Math.min(512, Math.max(1, Math.round(Number(e.target.value) || 1))) })} />
        </label>
        <label>
          {t('learningRate')}
          <input data-testid="transfer-compare-lr" type="number" step="any" min={1e-6} value={lr} disabled={disabled} onChange={(e) => update({ learningRate: Number(e.target.value) > 0 ? Number(e.target.value) : lr })} />
        </label>
        <button type="button" data-testid="transfer-compare-button" disabled={disabled} onClick={start}>
          {t('runCompare')}
        </button>
        {running && (
          <button type="button" className="secondary" onClick={() => void hook.transfer?.stop()}>
            {t('stop')}
          </button>
        )}
      </div>
      {running && <p role="status">{t('comparing')}</p>}
      {(curves.scratch.length > 0 || curves.transfer.length > 0) && (
        <div className="row">
          <CompareChart title={t('accuracyChart')} metric="accuracy" scratch={curves.scratch} transfer={curves.transfer} labels={labels} />
          <CompareChart title={t('lossChart')} metric="loss" scratch={curves.scratch} transfer={curves.transfer} labels={labels} />
        </div>
      )}
      {result && (
        <div data-testid="transfer-compare-result" role="status">
          <p>
            <b>{fill(t('compareResult'), { images: f.count(result.trainImages), scratch: f.percent(result.scratch.testAccuracy, 1), transfer: f.percent(result.transfer.testAccuracy, 1) })}</b>
          </p>
          <ul>
            {arm(result.scratch, 'transfer-compare-scratch')}
            {arm(result.transfer, 'transfer-compare-transfer')}
          </ul>
        </div>
      )}
    </section>
  );
}
