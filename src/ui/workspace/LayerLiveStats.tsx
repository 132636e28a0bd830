import type { FeatureMaps } from '../../engine/inspect/inspectProtocol';
import { activationStats } from '../../views/inspect/activationStats';
import { useWorker } from '../engineContext';
import { fill, useLocaleFormat } from '../i18n/format';
import { useMessages } from '../i18n/index';
import { workspaceMessages } from '../i18n/workspace';
import { FilterCanvas } from '../inspect/FilterCanvas';
import { useThrottledFetch } from '../inspect/useThrottledFetch';

/** While training, the gradient probe (a forward and backward pass on a few images) runs at most this often (ms). */
const GRADIENT_MS = 2000;
/** While training, the filters are re-read at most this often (ms). */
const FILTERS_MS = 1000;
/** Training images the gradient probe uses. */
const PROBE_EXAMPLES = 32;

/**
 * The selected layer's live numbers in the inspector: activation statistics of the shown feature maps,
 * the gradient norm of its kernel (measured in the worker between batches), and a convolution's filters.
 * `refresh` changes when the weights may have (a batch, a new build); `live` while training.
 */
export function LayerLiveStats({ layer, kind, maps, refresh, live }: { layer: string; kind: string; maps: FeatureMaps | null; refresh: string | null; live: boolean }) {
  const t = useMessages(workspaceMessages);
  const f = useLocaleFormat();
  const { say } = t;
  const inspect = useWorker()?.inspect ?? null;
  const key = inspect && refresh ? `${refresh}|${layer}` : null;
  const gradient = useThrottledFetch(key, () => (inspect ? inspect.layerGradient(layer, PROBE_EXAMPLES) : Promise.reject(new Error('no worker'))), live ? GRADIENT_MS : 0);
  const isConv = kind === 'conv2d';
  const filters = useThrottledFetch(isConv ? key : null, () => (inspect ? inspect.filters(layer) : Promise.reject(new Error('no worker'))), live ? FILTERS_MS : 0);
  const stats = maps && maps.layer === layer ? activationStats(maps.values) : null;
  const g = gradient.data && gradient.data.layer === layer ? gradient.data : null;
  const num = (v: number) => f.fixed(v, Math.abs(v) >= 100 ? 1 : Math.abs(v) >= 1 ? 3 : 4);

  return (
    <div className="layer-live-stats" data-testid="inspector-stats">
      <h4>{t('statsHeading')}</h4>
      {stats && (
        <p className="small-text" data-testid="inspector-activation-stats" data-mean={stats.mean} data-std={stats.std} data-zeros={stats.zeros}>
          {fill(t('statsActivations'), { mean: num(stats.mean), std: num(stats.std), min: num(stats.min), max: num(stats.max), zeros: f.percent(stats.zeros, 1), count: f.count(stats.count) })}
        </p>
      )}
      {g && (g.gradientNorm === null || g.weightNorm === null ? (
        <p className="small-text" data-testid="inspector-gradient-norm" data-norm="">{t('statsNoWeights')}</p>
      ) : (
        <p className="small-text" data-testid="inspector-gradient-norm" data-norm={g.gradientNorm} data-weight-norm={g.weightNorm}>
          {fill(t('statsGradient'), { examples: g.examples, grad: num(g.gradientNorm), weight: num(g.weightNorm), ratio: g.weightNorm > 0 ? (g.gradientNorm / g.weightNorm).toExponential(2) : '—' })}
        </p>
      ))}
      {gradient.error && <p className="error" role="alert">{say(gradient.error)}</p>}
      {live && <p className="hint">{t('statsLive')}</p>}
      {isConv && filters.data && filters.data.layer === layer && <FilterCanvas filters={filters.data} maxWidth={280} testId="inspector-filters" firstLayer={false} />}
    </div>
  );
}
