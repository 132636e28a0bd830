import type { DepthExperimentResult } from '../../engine/inspect/depthPresets';
import { gradientNormsChart } from '../../views/inspect/depthCharts';
import { fill } from '../i18n/format';
import { useMessages } from '../i18n/index';
import { inspectMessages } from '../i18n/inspect';
import { FAMILY_COLORS } from './DepthErrorChart';
import { ChartTicks } from '../ChartTicks';

const WIDTH = 420;
const HEIGHT = 220;

/** ‖∂L/∂W‖ per conv layer at the first step of the deepest plain and residual nets, log y axis. */
export function GradientNormsChart({ norms }: { norms: DepthExperimentResult['gradientNorms'] }) {
  const t = useMessages(inspectMessages);
  const chart = gradientNormsChart(
    (['plain', 'residual'] as const).map((family) => ({ id: family, norms: norms[family].map((n) => n.norm) })),
    WIDTH,
    HEIGHT,
  );
  const { inner } = chart;
  const title = fill(t('normsChart'), { depth: norms.depth });
  const names = { plain: norms.plain, residual: norms.residual };
  const summary = chart.series
    .map((s) => {
      const values = s.points.map((p) => p.value);
      return `${t(s.id as 'plain' | 'residual')}: ${values.length ? `${values[0].toExponential(2)} … ${values[values.length - 1].toExponential(2)}` : '–'}`;
    })
    .join('; ');
  return (
    <figure className="chart" data-testid="gradient-norms">
      <svg width={WIDTH} height={HEIGHT + 14} role="img" aria-label={`${title}. ${summary}`}>
        <ChartTicks inner={inner} xTicks={chart.xTicks} yTicks={chart.yTicks} height={HEIGHT} />
        <text x={inner.left + inner.width / 2} y={HEIGHT + 10} textAnchor="middle">
          {t('axisLayer')}
        </text>
        {chart.series.map((s) => (
          <g key={s.id} data-testid={`gradient-norms-${s.id}`} data-points={s.points.length}>
            <path d={s.d} fill="none" stroke={FAMILY_COLORS[s.id as 'plain' | 'residual']} strokeWidth={2} />
            {s.points.map((p) => (
              <circle key={p.at} cx={p.x} cy={p.y} r={2.5} fill={FAMILY_COLORS[s.id as 'plain' | 'residual']} data-norm={p.value}>
                <title>{`${names[s.id as 'plain' | 'residual'][p.at - 1]?.layer}: ${p.value.toExponential(3)}`}</title>
              </circle>
            ))}
          </g>
        ))}
      </svg>
      <figcaption>
        {title} (<span style={{ color: FAMILY_COLORS.plain }}>{t('plain')}</span> / <span style={{ color: FAMILY_COLORS.residual }}>{t('residual')}</span>). {summary}
      </figcaption>
    </figure>
  );
}
