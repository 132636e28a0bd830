import type { DepthReference } from '../../engine/inspect/depthPresets';
import { lineChartLayout } from '../../views/lineChart';
import { ChartTicks } from '../ChartTicks';
import { fill, useLocaleFormat } from '../i18n/format';
import { useMessages } from '../i18n/index';
import { inspectMessages } from '../i18n/inspect';
import { FAMILY_COLORS } from './DepthErrorChart';

const WIDTH = 420;
const HEIGHT = 220;

/**
 * The precomputed full-length run (scripts/depthReference.ts): training error after every epoch for each
 * net, plain in orange and residual in blue (the deeper one dashed), clearly labelled as computed offline.
 */
export function DepthReferencePanel({ reference }: { reference: DepthReference }) {
  const t = useMessages(inspectMessages);
  const f = useLocaleFormat();
  const { result } = reference;
  const s = result.settings;
  const deepest = Math.max(...result.runs.map((r) => r.depth));
  const series = result.runs.map((r) => ({ id: r.arch, points: (r.epochErrors ?? []).map((e, i) => [i + 1, e] as const) }));
  const chart = lineChartLayout(series, WIDTH, HEIGHT, [0, 1]);
  const summary = result.runs.map((r) => `${r.arch}: ${f.percent(r.trainError, 1)}`).join(', ');
  return (
    <section className="depth-reference" aria-labelledby="depth-reference-heading" data-testid="depth-reference">
      <h3 id="depth-reference-heading">{t('referenceHeading')}</h3>
      <p className="hint">
        {fill(t('referenceNote'), {
          examples: f.count(s.examples), data: t((s.dataset ?? 'shapes') === 'mnist' ? 'dataMnist' : 'dataShapes'), epochs: s.epochs, batch: s.batchSize, lr: s.learningRate, width: s.width,
          date: reference.computedAt.slice(0, 10), machine: reference.machine, minutes: f.fixed(result.seconds / 60, 0),
        })}
      </p>
      <figure className="chart">
        <svg width={WIDTH} height={HEIGHT + 14} viewBox={`0 0 ${WIDTH} ${HEIGHT + 14}`} className="fluid-chart" role="img" aria-label={`${t('referenceChart')}. ${summary}`}>
          <ChartTicks inner={chart.inner} xTicks={chart.xTicks} yTicks={chart.yTicks} height={HEIGHT} />
          <text x={chart.inner.left + chart.inner.width / 2} y={HEIGHT + 10} textAnchor="middle">{t('axisEpoch')}</text>
          {result.runs.map((r, i) => (
            <path key={r.arch} d={chart.paths[i].d} fill="none" stroke={FAMILY_COLORS[r.family]} strokeWidth={2} strokeDasharray={r.depth === deepest ? '6 3' : undefined} data-testid={`depth-reference-${r.arch}`} data-final={r.trainError}>
              <title>{`${r.arch}: ${f.percent(r.trainError, 1)}`}</title>
            </path>
          ))}
        </svg>
        <figcaption>{t('referenceChart')}: {summary}</figcaption>
      </figure>
    </section>
  );
}
