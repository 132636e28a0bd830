import { costBars } from '../../views/archGraph/index';
import { KIND_FILL, MUTED } from './graphColors';

interface Props {
  /** Multiplications of the direct k×k convolution. */
  direct: number;
  /** Of the 1×1 reduce and of the k×k convolution after it. */
  reduce: number;
  conv: number;
  labels: { direct: string; with: string; reduce: string; conv: string; chart: string };
  fmt: (n: number) => string;
}

const WIDTH = 520;
const BAR = 20;
const REDUCE_FILL = '#74c0fc';

/** Two bars on one linear scale: the direct convolution, and the 1×1 reduce + k×k convolution stacked. */
export function CostBarsChart({ direct, reduce, conv, labels, fmt }: Props) {
  // Room on the right of the longest bar for its number.
  const barWidth = WIDTH - 110;
  const [a, b] = costBars(
    [
      { id: 'direct', parts: [{ id: 'conv', value: direct }] },
      { id: 'with', parts: [{ id: 'reduce', value: reduce }, { id: 'conv', value: conv }] },
    ],
    barWidth,
  );
  const rows = [
    { bar: a, y: 16, title: labels.direct, fills: [KIND_FILL.conv2d] },
    { bar: b, y: 66, title: labels.with, fills: [REDUCE_FILL, KIND_FILL.conv2d] },
  ];
  return (
    <svg viewBox={`0 0 ${WIDTH} 112`} width="100%" style={{ maxWidth: WIDTH }} role="img" aria-label={`${labels.chart}: ${fmt(direct)} / ${fmt(reduce + conv)}`}>
      {rows.map(({ bar, y, title, fills }) => (
        <g key={bar.id} data-testid={`cost-bar-${bar.id}`}>
          <text x={0} y={y - 4} fontSize={12} fill={MUTED}>
            {title}
          </text>
          {bar.segments.map((s, i) => (
            <rect key={s.id} x={s.x} y={y} width={Math.max(s.value > 0 ? 1 : 0, s.width)} height={BAR} fill={fills[i]}>
              <title>{`${i === 0 && bar.segments.length > 1 ? labels.reduce : labels.conv}: ${fmt(s.value)}`}</title>
            </rect>
          ))}
          <text x={(bar.segments.at(-1)?.x ?? 0) + (bar.segments.at(-1)?.width ?? 0) + 6} y={y + 15} fontSize={12} fontWeight={600} fill="#1d1f23">
            {fmt(bar.total)}
          </text>
        </g>
      ))}
      <g fontSize={11} fill={MUTED}>
        <rect x={0} y={96} width={10} height={10} fill={REDUCE_FILL} />
        <text x={14} y={105}>
          {labels.reduce}
        </text>
        <rect x={120} y={96} width={10} height={10} fill={KIND_FILL.conv2d} />
        <text x={134} y={105}>
          {labels.conv}
        </text>
      </g>
    </svg>
  );
}
