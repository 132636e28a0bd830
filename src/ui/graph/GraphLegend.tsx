import { useMessages } from '../i18n/index';
import { graphMessages } from '../i18n/graph';
import { FROZEN_FILL, INK, KIND_FILL, SKIP_STYLE } from './graphColors';

const SHORTCUTS = [
  ['identity', 'legendIdentity'],
  ['zero-pad', 'legendZeroPad'],
  ['projection', 'legendProjection'],
] as const;

/** What the arc styles and the add marker mean (and grey, when layers are frozen). */
export function GraphLegend({ showShortcuts, showFrozen }: { showShortcuts: boolean; showFrozen: boolean }) {
  const t = useMessages(graphMessages);
  return (
    <ul className="graph-legend">
      {showShortcuts
        ? SHORTCUTS.map(([kind, key]) => (
            <li key={kind}>
              <svg width={28} height={10} aria-hidden="true">
                <path d="M2,5H26" stroke={SKIP_STYLE[kind].stroke} strokeWidth={SKIP_STYLE[kind].width} strokeDasharray={SKIP_STYLE[kind].dash} />
              </svg>
              {t(key)}
            </li>
          ))
        : null}
      {showShortcuts ? (
        <li>
          <svg width={14} height={14} aria-hidden="true">
            <circle cx={7} cy={7} r={6} fill={KIND_FILL.add} />
            <path d="M3,7H11M7,3V11" stroke="#fff" strokeWidth={2} />
          </svg>
          {t('legendAdd')}
        </li>
      ) : null}
      {showFrozen ? (
        <li>
          <svg width={14} height={14} aria-hidden="true">
            <rect x={1} y={1} width={12} height={12} fill={FROZEN_FILL} stroke={INK} strokeWidth={0.75} />
          </svg>
          {t('legendFrozen')}
        </li>
      ) : null}
    </ul>
  );
}
