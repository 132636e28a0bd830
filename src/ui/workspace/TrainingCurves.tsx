import { CurvesChart } from '../CurvesChart';
import { useMessages } from '../i18n/index';
import { trainingMessages } from '../i18n/training';
import { workspaceMessages } from '../i18n/workspace';
import { useRenderCount } from '../renderCount';
import { useTrainingView } from '../trainingContext';

/**
 * The results dock's live curves: loss and accuracy per batch (smoothed) and per epoch (validation),
 * beside the graph so cause and effect share the screen. Drawn, empty, before the first run.
 */
export function TrainingCurves() {
  useRenderCount('TrainingCurves');
  const view = useTrainingView((v) => ({ batchHistory: v.batchHistory, epochHistory: v.epochHistory, batches: v.batches }));
  const t = useMessages(trainingMessages);
  const tw = useMessages(workspaceMessages);
  return (
    <section className="panel curves-panel" aria-labelledby="curves-heading" data-testid="training-curves">
      <h2 id="curves-heading">{tw('curvesHeading')}</h2>
      {view.batchHistory.length === 0 && view.epochHistory.length === 0 && <p className="hint">{tw('curvesEmpty')}</p>}
      <div className="curves-row">
        <CurvesChart title={t('chartLoss')} metric="loss" batches={view.batchHistory} epochs={view.epochHistory} batchesPerEpoch={view.batches} />
        <CurvesChart title={t('chartAccuracy')} metric="accuracy" batches={view.batchHistory} epochs={view.epochHistory} batchesPerEpoch={view.batches} />
      </div>
    </section>
  );
}
