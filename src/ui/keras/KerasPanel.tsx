import { useMemo, useState } from 'react';
import { formatShape, inferGraph, type GraphInfo } from '../../arch/index';
import { experimentCode, experimentNotebook, experimentScript, type ExperimentCode, type KerasExperiment } from '../../keras/index';
import { toUserMessage, type UserMessage } from '../../messages/index';
import type { ExperimentState } from '../experiment';
import { fill, useLocaleFormat } from '../i18n/format';
import { useMessages } from '../i18n/index';
import { kerasMessages } from '../i18n/keras';
import { downloadBlob } from '../transfer/historyFiles';
import { useRenderCount } from '../renderCount';
import { useTrainingView } from '../trainingContext';
import { CodeView } from './CodeView';
import { classNamesFor, kerasExperimentOf } from './kerasExperiment';
import { useKerasFiles } from './useKerasFiles';
import './keras.css';

type Generated =
  | { ok: true; experiment: KerasExperiment; code: ExperimentCode; script: string }
  | { ok: false; error: UserMessage };

/** The experiment's code, or why the network cannot be written as Keras code (an impossible option, a kind Keras lacks). */
function generate(state: ExperimentState, classNames: readonly string[]): Generated {
  try {
    const experiment = kerasExperimentOf(state, classNames);
    const code = experimentCode(experiment);
    return { ok: true, experiment, code, script: experimentScript(experiment, code) };
  } catch (e) {
    return { ok: false, error: toUserMessage(e) };
  }
}

interface Props {
  state: ExperimentState;
  /** The picked network's inference (its class count is used while an uploaded dataset is not loaded). */
  info: GraphInfo;
}

/**
 * The Keras bridge on the page: the experiment as Keras 3 code (shown highlighted, copyable, as a .py
 * and a Colab notebook), the data as .npz, and the trained model as a .keras file with its test
 * predictions for comparison. Self-contained: it reads the page state and the training context.
 */
export function KerasPanel({ state, info }: Props) {
  const t = useMessages(kerasMessages);
  const { say } = t;
  const f = useLocaleFormat();
  useRenderCount('KerasPanel');
  const view = useTrainingView((v) => ({ dataset: v.dataset, adopted: v.adopted, build: v.build }));
  const files = useKerasFiles(state);
  const [shown, setShown] = useState(false);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const fallbackClasses = info.outputShape[0] ?? 10;
  const { classes, generated } = useMemo(() => {
    const names = classNamesFor(state, view.dataset, fallbackClasses);
    return { classes: names, generated: generate(state, names.names) };
  }, [state, view.dataset, fallbackClasses]);
  const stem = generated.ok ? generated.experiment.stem : state.arch;
  const save = (text: string, name: string, type: string) => downloadBlob(new Blob([text], { type }), name);
  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  const modelStem = view.adopted ? `${view.build?.name ?? stem}` : stem;
  return (
    <section className="panel keras-panel" aria-labelledby="keras-heading" data-testid="keras-panel">
      <h2 id="keras-heading">{t('heading')}</h2>
      <p className="hint">{t('intro')}</p>
      {!generated.ok ? (
        <p className="error" role="alert" data-testid="keras-error">{say(generated.error)}</p>
      ) : (
        <>
          <div className="row">
            <button type="button" data-testid="show-keras" aria-expanded={shown} onClick={() => setShown((s) => !s)}>
              {shown ? t('hide') : t('show')}
            </button>
            <button type="button" className="secondary" data-testid="export-keras-py" onClick={() => save(generated.script, `${stem}.py`, 'text/x-python')}>
              {t('downloadPy')}
            </button>
            <button type="button" className="secondary" data-testid="export-keras-notebook" onClick={() => save(JSON.stringify(experimentNotebook(generated.experiment, null, generated.code), null, 1), `${stem}.ipynb`, 'application/x-ipynb+json')}>
              {t('downloadNotebook')}
            </button>
            <button type="button" className="secondary" data-testid="export-keras-data" disabled={files.busy || files.training} onClick={() => void files.exportData(state.dataset)}>
              {t('downloadData')}
            </button>
          </div>
          <p className="hint">{fill(t('dataHint'), { file: `${stem}.py`, data: `${state.dataset}.npz` })}</p>
          {classes.guessed && <p className="hint" data-testid="keras-classes-guessed">{fill(t('classesUnknown'), { classes: classes.names.length })}</p>}
          {generated.experiment.scaled && (
            <p className="hint" data-testid="keras-scaled">
              {fill(t('scaledNote'), {
                width: f.fixed(generated.experiment.scaled.width, 2), shape: formatShape(generated.experiment.scaled.input),
                params: f.count(inferGraph(generated.experiment.graph).totalParams), full: f.count(generated.experiment.scaled.referenceParams),
              })}
            </p>
          )}
          {state.dataset === 'fashion-mnist' && <p className="hint">{t('fashionNote')}</p>}
          {shown && (
            <>
              <div className="row">
                <button type="button" className="secondary" data-testid="copy-keras-code" onClick={() => void copy(generated.script)}>
                  {t('copy')}
                </button>
                {copied && <span role="status">{copied === 'yes' ? t('copied') : t('copyFailed')}</span>}
              </div>
              <CodeView code={generated.script} label={`${stem}.py`} />
              <p className="hint">{t('differences')}</p>
            </>
          )}
        </>
      )}
      <h3>{t('modelHeading')}</h3>
      <div className="row">
        <button type="button" data-testid="export-keras-model" disabled={!files.hasModel || files.busy || files.training} onClick={() => void files.exportModel(modelStem)}>
          {t('exportModel')}
        </button>
        <button type="button" className="secondary" data-testid="export-keras-predictions" disabled={!files.hasModel || files.busy || files.training} onClick={() => void files.exportPredictions(`${modelStem}-predictions`)}>
          {t('exportPredictions')}
        </button>
      </div>
      <p className="hint">{files.hasModel ? fill(t('modelHint'), { file: `${modelStem}.keras` }) : t('needTraining')}</p>
      <p className="hint">{t('importHint')}</p>
      {files.busy && <p role="status">{t('working')}</p>}
      {files.error && (
        <p className="error" role="alert" data-testid="keras-file-error">
          {t('error')} {say(files.error)}
        </p>
      )}
    </section>
  );
}
