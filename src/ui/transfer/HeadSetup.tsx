import { useEffect, useRef, useState } from 'react';
import type { DatasetInfo } from '../../engine/protocol';
import type { BaseInfo } from '../../engine/transfer/transferProtocol';
import type { DatasetId, ExperimentState } from '../experiment';
import { useMessages } from '../i18n/index';
import { transferMessages } from '../i18n/transfer';
import { useNames } from '../i18n/names';

interface Props {
  state: ExperimentState;
  update: (patch: Partial<ExperimentState>) => void;
  base: BaseInfo;
  dataset: DatasetInfo | null;
  disabled: boolean;
  perClass: number;
  setPerClass: (n: number) => void;
  describeDataset: () => void;
  onApply: (o: { classes: number[]; cutAt: string; pooling: 'avg' | 'flatten' }) => void;
}

/** The new task: which dataset and classes, how many images per class, and where the new softmax goes. */
export function HeadSetup({ state, update, base, dataset, disabled, perClass, setPerClass, describeDataset, onApply }: Props) {
  const t = useMessages(transferMessages);
  const names = useNames();
  const [chosen, setChosen] = useState<ReadonlySet<number>>(new Set());
  const [cutAt, setCutAt] = useState(base.defaultCut);
  const [pooling, setPooling] = useState(base.defaultPooling);
  // A new base brings its own layers and default cut; a new dataset its own classes.
  const [shownBase, setShownBase] = useState(base);
  if (shownBase !== base) {
    setShownBase(base);
    setCutAt(base.defaultCut);
    setPooling(base.defaultPooling);
  }
  const [shownData, setShownData] = useState(dataset);
  if (shownData !== dataset) {
    setShownData(dataset);
    setChosen(new Set());
  }
  // Ask once per dataset for its class names (a failure shows its error and the button to retry).
  const asked = useRef('');
  useEffect(() => {
    if (dataset || asked.current === state.dataset) return;
    asked.current = state.dataset;
    describeDataset();
  }, [dataset, state.dataset, describeDataset]);
  const cutIsMap = (base.layers.find((l) => l.name === cutAt)?.outputShape.length ?? 1) === 3;
  const toggle = (i: number, on: boolean) => setChosen((s) => {
    const next = new Set(s);
    if (on) next.add(i);
    else next.delete(i);
    return next;
  });
  return (
    <fieldset className="transfer-task" disabled={disabled}>
      <legend>{t('target')}</legend>
      <div className="grid-2">
        <label>
          {t('dataset')}
          <select data-testid="transfer-dataset" value={state.dataset} onChange={(e) => update({ dataset: e.target.value as DatasetId })}>
            <option value="mnist">{t('datasetMnist')}</option>
            <option value="fashion-mnist">{t('datasetFashion')}</option>
            <option value="shapes">{t('datasetShapes')}</option>
            <option value="uploads">{t('datasetUploads')}</option>
          </select>
        </label>
        <label>
          {t('perClass')}
          <input data-testid="transfer-per-class" type="number" min={0} step={10} value={perClass} onChange={(e) => setPerClass(Math.max(0, Math.round(Number(e.target.value) || 0)))} />
        </label>
        <label>
          {t('headOn')}
          <select data-testid="transfer-cut" value={cutAt} onChange={(e) => setCutAt(e.target.value)}>
            {base.cutCandidates.map((name) => (
              <option key={name} value={name}>
                {name} ({base.layers.find((l) => l.name === name)?.outputShape.join('×')})
              </option>
            ))}
          </select>
        </label>
        {cutIsMap && (
          <label>
            {t('pooling')}
            <select data-testid="transfer-pooling" value={pooling} onChange={(e) => setPooling(e.target.value === 'flatten' ? 'flatten' : 'avg')}>
              <option value="flatten">{t('poolFlatten')}</option>
              <option value="avg">{t('poolAvg')}</option>
            </select>
          </label>
        )}
      </div>
      <div role="group" aria-label={t('classes')} className="transfer-classes">
        <span>{t('classes')}:</span>
        {dataset ? (
          dataset.classNames.map((name, i) => (
            <label key={name} className="check">
              <input type="checkbox" data-testid="class-choice" value={i} checked={chosen.has(i)} onChange={(e) => toggle(i, e.target.checked)} />
              {names.className(dataset.id, name)}
            </label>
          ))
        ) : (
          <button type="button" className="secondary" onClick={describeDataset}>
            {t('loadClasses')}
          </button>
        )}
        {dataset && chosen.size === 0 && <span className="hint">({t('allClasses')})</span>}
      </div>
      <button type="button" data-testid="apply-head" onClick={() => onApply({ classes: [...chosen].sort((a, b) => a - b), cutAt, pooling: cutIsMap ? pooling : 'avg' })}>
        {t('applyHead')}
      </button>
    </fieldset>
  );
}
