import type { DepthRun } from '../../engine/inspect/depthPresets';
import { depthErrorChart } from '../../views/inspect/depthCharts';
import { fill, useLocaleFormat } from '../i18n/format';
import { useMessages } from '../i18n/index';
import { inspectMessages } from '../i18n/inspect';
import { ChartTicks } from '../ChartTicks';

/** Line colours of the two families, shared with the gradient-norm chart. */
export const FAMILY_COLORS = { plain: '#d9480f', residual: '#1f6feb' } as const;

const WIDTH = 360;
const HEIGHT = 220;

/** Final training error against depth: one curve per family, a dot per network with its value. */
export function DepthErrorChart({ runs }: { runs: readonly DepthRun[] }) {
  const t = useMessages(inspectMessages);
  const f = useLocaleFormat();
  const families = (['plain', 'residual'] as const).map((family) => ({
    id: family,
    points: runs.filter((r) => r.family === family).map((r) => [r.depth, r.trainError] as const),
  }));
  const chart = depthErrorChart(families, WIDTH, HEIGHT);
  const { inner } = chart.layout;
  const summary = chart.series.map((s) => fill(t('chartSummary'), { family: t(s.id as 'plain' | 'residual'), points: s.points.map((p) => `${p.at}: ${f.percent(p.value, 1)}`).join(', ') })).join('; ');
  return (
    <figure className="chart" data-testid="depth-error-chart">
      <svg width={WIDTH} height={HEIGHT + 14} role="img" aria-label={`${t('errorChart')}. ${summary}`}>
        <ChartTicks inner={inner} xTicks={chart.xTicks} yTicks={chart.layout.yTicks} height={HEIGHT} />
        <text x={inner.left + inner.width / 2} y={HEIGHT + 10} textAnchor="middle">
          {t('axisDepth')}
        </text>
        <text transform="rotate(-90)" x={-(inner.top + inner.height / 2)} y={9} textAnchor="middle">
          {t('axisError')}
        </text>
        {chart.series.map((s) => (
          <g key={s.id} data-testid={`depth-curve-${s.id}`} data-points={s.points.length}>
            <path d={s.d} fill="none" stroke={FAMILY_COLORS[s.id as 'plain' | 'residual']} strokeWidth={2} />
            {s.points.map((p) => (
              <circle key={p.at} cx={p.x} cy={p.y} r={4} fill={FAMILY_COLORS[s.id as 'plain' | 'residual']} data-depth={p.at} data-error={p.value}>
                <title>{`${t(s.id as 'plain' | 'residual')}-${p.at}: ${f.percent(p.value, 1)}`}</title>
              </circle>
            ))}
          </g>
        ))}
      </svg>
      <figcaption>
        {t('errorChart')} (<span style={{ color: FAMILY_COLORS.plain }}>{t('plain')}</span> / <span style={{ color: FAMILY_COLORS.residual }}>{t('residual')}</span>). {summary}
      </figcaption>
    </figure>
  );
}
