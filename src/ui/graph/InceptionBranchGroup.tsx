import type { ReactNode } from 'react';
import type { InceptionBranch } from '../../views/archGraph/index';
import { LANE_FILL, LANE_STROKE, MUTED } from './graphColors';

interface Props {
  branch: InceptionBranch;
  /** The lane's label line: branch name, output channels, cost. */
  label: string;
  /** Full figures for the tooltip. */
  title: string;
  /** The branch's layer blocks. */
  children: ReactNode;
}

/** One of an expanded inception module's four parallel branches: a lane with its label and its layers. */
export function InceptionBranchGroup({ branch, label, title, children }: Props) {
  const { box } = branch;
  return (
    <g data-testid="inception-branch" data-module={branch.module} data-branch={branch.index}>
      <title>{title}</title>
      <rect x={box.x} y={box.y} width={box.width} height={box.height} rx={4} fill={LANE_FILL} stroke={LANE_STROKE} />
      <text x={box.x + 4} y={box.y + 10} fontSize={9} fill={MUTED}>
        {label}
      </text>
      {children}
    </g>
  );
}
