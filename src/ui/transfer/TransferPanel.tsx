import { useMemo } from 'react';
import { inferGraph } from '../../arch/index';
import { AUGMENT_OPS } from '../../augment/config';
import type { ExperimentState } from '../experiment';
import { ArchGraphPanel } from '../graph/ArchGraphPanel';
import { fill } from '../i18n/format';
import { useMessages } from '../i18n/index';
import { transferMessages } from '../i18n/transfer';
import { BasePicker } from './BasePicker';
import { ComparePanel } from './ComparePanel';
import { FreezeControl } from './FreezeControl';
import { HeadSetup } from './HeadSetup';
import { KeepPanel } from './KeepPanel';
import { LayerList } from './LayerList';
import { useTransfer } from './useTransfer';
import { TRANSFER_RECIPE } from '../../recipes/recipes';
import { recipeOf, switchRecipe } from '../recipeState';
import './transfer.css';

interface Props {
  state: ExperimentState;
  update: (patch: Partial<ExperimentState>) => void;
}

/**
 * Transfer learning: choose a pretrained base, replace its head for a new task, choose what to freeze
 * (the graph greys frozen layers), train with the training panel, compare with training from scratch,
 * and keep the result.
 */
export function TransferPanel({ state, update }: Props) {
  const t = useMessages(transferMessages);
  const { say } = t;
  const hook = useTransfer(state);
  const { installed, base, busy } = hook;
  const disabled = busy !== null || hook.training || !hook.transfer;
  const augmenting = AUGMENT_OPS.some((op) => state.augment[op].enabled);
  const graphView = useMemo(() => {
    if (!installed) return null;
    return { graph: installed.graph, info: inferGraph(installed.graph), frozen: new Set(installed.layers.filter((l) => l.frozen).map((l) => l.name)) };
  }, [installed]);
  return (
    <section className="panel transfer" aria-labelledby="transfer-heading" data-testid="transfer-panel">
      <h2 id="transfer-heading">{t('heading')}</h2>
      <p className="hint">{t('intro')}</p>
      <BasePicker bases={hook.bases} base={base} disabled={disabled} onLoad={(s) => void hook.loadBase(s)} />
      {base && (
        <HeadSetup
          state={state} update={update} base={base} dataset={hook.dataset} disabled={disabled} perClass={hook.perClass} setPerClass={hook.setPerClass}
          describeDataset={() => void hook.describeDataset()} onApply={(o) => void hook.applyHead({ ...o, mode: { kind: 'head' } }).then((ok) => {
            // Train and the comparison now share transfer learning's recipe (the user's own changes stay).
            if (ok) update(switchRecipe(state, recipeOf(state), TRANSFER_RECIPE));
          })}
        />
      )}
      {busy && busy !== 'comparing' && (
        <p role="status" className="hint">
          {t(busy === 'loadingBase' ? 'loadingBase' : busy === 'applying' ? 'applying' : 'working')}
        </p>
      )}
      {hook.error && (
        <p className="error panel" role="alert" data-testid="transfer-error">
          {say(hook.error)}
        </p>
      )}
      {hook.notice && (
        <p role="status" data-testid="transfer-notice">
          {fill(t(hook.notice.key), hook.notice.params)}
        </p>
      )}
      {installed && graphView && (
        <>
          <p data-testid="transfer-installed">
            {fill(t('applied'), { name: installed.build.name, classes: installed.dataset.classNames.length, train: installed.dataset.trainCount, test: installed.dataset.testCount })}{' '}
            <button type="button" className="secondary" disabled={disabled} onClick={() => void hook.leave()}>
              {t('leave')}
            </button>
          </p>
          <FreezeControl installed={installed} augmenting={augmenting} cache={hook.cache} disabled={disabled} onChange={(m) => void hook.setFreeze(m)} />
          <ArchGraphPanel graph={graphView.graph} info={graphView.info} frozen={graphView.frozen} />
          <details open>
            <summary>{t('layers')}</summary>
            <LayerList layers={installed.layers} />
          </details>
          <ComparePanel state={state} update={update} hook={hook} disabled={disabled} />
        </>
      )}
      <KeepPanel hook={hook} disabled={disabled} />
    </section>
  );
}
