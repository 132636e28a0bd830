import { useState } from 'react';
import { formatShape, type ArchGraph, type GraphInfo } from '../../arch/index';
import { useWorker } from '../engineContext';
import { fill, useLocaleFormat } from '../i18n/format';
import { useMessages } from '../i18n/index';
import { workspaceMessages } from '../i18n/workspace';
import { FeatureMapCanvas } from '../inspect/FeatureMapCanvas';
import { useThrottledFetch } from '../inspect/useThrottledFetch';
import { useRenderCount } from '../renderCount';
import { useTrainingView } from '../trainingContext';
import { buildKey } from './buildKey';
import { CellArithmeticView } from './CellArithmeticView';
import { defaultLayer, useSelectedLayer } from './layerSelection';
import { LayerLiveStats } from './LayerLiveStats';
import { SoftmaxArithmeticView } from './SoftmaxArithmeticView';

/** While training, feature maps are fetched at most this often (ms). */
const LIVE_MS = 500;
type Cell = { y: number; x: number; c: number };

/**
 * The inspector beside the graph: the selected layer's output shape, parameters and MACs, and, once a
 * model is built, its live statistics (activations, gradient norm, a convolution's filters) and its
 * feature maps for a test image (worker, live while training). Clicking a cell explains how that value
 * is computed.
 */
export function LayerInspector({ graph, info }: { graph: ArchGraph; info: GraphInfo }) {
  const t = useMessages(workspaceMessages);
  const f = useLocaleFormat();
  const { say } = t;
  const chosen = useSelectedLayer();
  const layerName = chosen && info.layers.some((l) => l.name === chosen) ? chosen : defaultLayer(info.layers);
  useRenderCount('LayerInspector');
  const view = useTrainingView((v) => ({ build: v.build, phase: v.phase, dataset: v.dataset }));
  const inspect = useWorker()?.inspect ?? null;
  const [testIndex, setTestIndex] = useState(0);
  const [cell, setCell] = useState<(Cell & { layer: string; index: number }) | null>(null);
  const layer = layerName ? info.layers.find((l) => l.name === layerName) : undefined;
  const isMaps = layer?.outputShape.length === 3;
  const spec = layer ? graph.nodes.find((n) => n.name === layer.name)?.spec : undefined;
  const isSoftmax = spec?.kind === 'dense' && spec.activation === 'softmax';
  // Feature maps and the live statistics follow training: the weights change with every batch (each
  // fetched at most every so often while training).
  const batchesDone = useTrainingView((v) => (layer ? v.batchHistory.length : 0));
  const build = inspect ? buildKey(view.build) : null;
  const live = view.phase === 'training';
  const key = build && layer && isMaps ? `${build}|${batchesDone}|${view.phase}|${layer.name}|${testIndex}` : null;
  const maps = useThrottledFetch(key, () => (inspect && layer ? inspect.featureMaps({ layer: layer.name, image: { testIndex } }) : Promise.reject(new Error('no layer'))), live ? LIVE_MS : 0);
  const shown = maps.data && maps.data.layer === layer?.name ? maps.data : null;
  const openCell = cell && cell.layer === layer?.name && cell.index === testIndex ? cell : null;
  const dataset = view.dataset;
  const statsKey = build && dataset ? `${build}|${batchesDone}|${view.phase}` : null;

  return (
    <section className="panel layer-inspector" aria-labelledby="inspector-heading" data-testid="layer-inspector">
      <h2 id="inspector-heading">{t('inspectorHeading')}</h2>
      {!layer ? (
        <p className="hint" data-testid="inspector-empty">{t('inspectorNone')}</p>
      ) : (
        <>
          <h3 data-testid="inspector-layer">{fill(t('inspectorLayer'), { name: layer.name, kind: layer.kind })}</h3>
          <dl className="totals inspector-totals">
            <div>
              <dt>{t('outputShape')}</dt>
              <dd data-testid="inspector-shape">{formatShape(layer.outputShape)}</dd>
            </div>
            <div>
              <dt>{t('params')}</dt>
              <dd data-testid="inspector-params">{f.count(layer.params)}</dd>
            </div>
            <div>
              <dt>{t('macs')}</dt>
              <dd data-testid="inspector-macs">{f.count(layer.macs)}</dd>
            </div>
          </dl>
          {statsKey && <LayerLiveStats layer={layer.name} kind={layer.kind} maps={shown} refresh={statsKey} live={live} />}
          {!isMaps ? (
            <>
              <p className="hint">{t('notMaps')}</p>
              {isSoftmax && view.build && dataset && statsKey && (
                <SoftmaxArithmeticView layer={layer.name} testIndex={testIndex} datasetId={dataset.id} classNames={dataset.classNames} refresh={statsKey} />
              )}
            </>
          ) : !view.build || !dataset ? (
            <p className="hint" data-testid="inspector-need-model">{t('needModel')}</p>
          ) : (
            <>
              <label className="inline">
                {t('testImage')}
                <input
                  type="number"
                  data-testid="inspector-test-index"
                  min={0}
                  max={dataset.testCount - 1}
                  value={testIndex}
                  onChange={(e) => setTestIndex(Math.max(0, Math.min(dataset.testCount - 1, Math.trunc(Number(e.target.value) || 0))))}
                />
              </label>
              {maps.error && (
                <p className="error" role="alert" data-testid="inspector-error">
                  {say(maps.error)}
                </p>
              )}
              {shown && (
                <>
                  <p className="hint">{t('cellHint')}</p>
                  <FeatureMapCanvas maps={shown} maxWidth={300} testId="inspector-feature-maps" onCell={(c) => setCell({ ...c, layer: shown.layer, index: testIndex })} />
                </>
              )}
              {openCell && shown && <CellArithmeticView layer={openCell.layer} cell={openCell} testIndex={testIndex} maps={shown} refresh={key ?? ''} />}
            </>
          )}
        </>
      )}
    </section>
  );
}
