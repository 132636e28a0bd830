import { memo } from 'react';
import type { SkipArc } from '../../views/archGraph/index';
import { SKIP_STYLE } from './graphColors';

/** A residual block's shortcut: one arc over the layers it bypasses, styled by its kind. */
export const SkipEdge = memo(function SkipEdge({ skip, title }: { skip: SkipArc; title: string }) {
  const style = SKIP_STYLE[skip.kind];
  return (
    <path
      data-testid="skip-edge"
      data-kind={skip.kind}
      data-block={skip.block}
      d={skip.d}
      fill="none"
      stroke={style.stroke}
      strokeWidth={style.width}
      strokeDasharray={style.dash}
      strokeLinecap="round"
    >
      <title>{title}</title>
    </path>
  );
});
