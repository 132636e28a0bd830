import { memo, type KeyboardEvent } from 'react';
import { matrixCells, moduleShortName, type LayoutNode } from '../../views/archGraph/index';
import { FOCUS, FROZEN_FILL, INK, KIND_FILL } from './graphColors';

interface Props {
  node: LayoutNode;
  /** Greyed: the layers are frozen (transfer learning). */
  frozen: boolean;
  /** Hovered or focused: outlined, and described in the details line. */
  active: boolean;
  /** What a screen reader and the tooltip say: name, type, shape, parameters, MACs. */
  description: string;
  onActivate: (id: string, via: 'hover' | 'focus', on: boolean) => void;
  /** Present on a collapsed inception module: click or Enter expands it. */
  onToggle?: (moduleId: string) => void;
  /** The graph's one tab stop (roving tabindex): 0 on exactly one block, -1 on the rest. */
  tabStop: boolean;
  /** Present where the graph selects layers: click or Enter selects the block's layer. */
  onSelect?: (layer: string) => void;
  /** The layer shown in the inspector. */
  selected?: boolean;
}

/** A table convolution's connection table on its block: white cells where an output map reads an input map. */
function ConnectionTable({ node }: { node: LayoutNode }) {
  const cells = matrixCells(node);
  const rows = node.connectionTable?.length ?? 0;
  return (
    <g data-testid="connection-table" data-rows={rows} data-cols={node.connectionTable?.[0]?.length ?? 0} pointerEvents="none">
      {cells.map((c) => (
        <rect
          key={`${c.row}-${c.col}`}
          data-connected={c.connected ? 'true' : 'false'}
          x={c.x + 0.25}
          y={c.y + 0.25}
          width={c.size - 0.5}
          height={c.size - 0.5}
          fill={c.connected ? '#ffffff' : 'none'}
          stroke="#ffffff"
          strokeOpacity={0.45}
          strokeWidth={0.3}
        />
      ))}
    </g>
  );
}

/** One layer (or one collapsed inception module) as an SVG block, focusable, with a native tooltip. */
export const GraphBlock = memo(function GraphBlock({ node, frozen, active, description, onActivate, onToggle, tabStop, onSelect, selected = false }: Props) {
  const toggle = onToggle ? () => onToggle(node.id) : onSelect ? () => onSelect(node.id) : undefined;
  const onKeyDown = (e: KeyboardEvent) => {
    if (toggle && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      toggle();
    }
  };
  const fill = frozen ? FROZEN_FILL : KIND_FILL[node.kind];
  const stroke = active || selected ? FOCUS : INK;
  const strokeWidth = active ? 2.5 : selected ? 2 : 0.75;
  return (
    <g
      data-testid="graph-node"
      data-layer={node.id}
      data-kind={node.kind}
      data-frozen={frozen ? 'true' : undefined}
      tabIndex={tabStop ? 0 : -1}
      role={toggle ? 'button' : 'img'}
      aria-label={description}
      aria-expanded={onToggle ? false : undefined}
      aria-pressed={!onToggle && onSelect ? selected : undefined}
      data-selected={selected ? 'true' : undefined}
      opacity={frozen ? 0.55 : 1}
      cursor={toggle ? 'pointer' : undefined}
      onMouseEnter={() => onActivate(node.id, 'hover', true)}
      onMouseLeave={() => onActivate(node.id, 'hover', false)}
      onFocus={() => onActivate(node.id, 'focus', true)}
      onBlur={() => onActivate(node.id, 'focus', false)}
      onClick={toggle}
      onKeyDown={toggle ? onKeyDown : undefined}
      style={{ outline: 'none' }}
    >
      <title>{description}</title>
      {node.kind === 'add' ? (
        <>
          <circle cx={node.x} cy={node.y} r={node.width / 2} fill={fill} stroke={stroke} strokeWidth={strokeWidth} />
          <path d={`M${node.x - 4},${node.y}H${node.x + 4}M${node.x},${node.y - 4}V${node.y + 4}`} stroke="#fff" strokeWidth={2} />
        </>
      ) : (
        <rect
          x={node.x - node.width / 2}
          y={node.y - node.height / 2}
          width={node.width}
          height={node.height}
          rx={node.kind === 'inception' ? 4 : 1}
          fill={fill}
          stroke={stroke}
          strokeWidth={strokeWidth}
        />
      )}
      {node.connectionTable ? <ConnectionTable node={node} /> : null}
      {node.kind === 'inception' ? (
        <text x={node.x} y={node.y + 4} textAnchor="middle" fontSize={11} fontWeight={600} fill="#fff" pointerEvents="none">
          {moduleShortName(node.id)}
        </text>
      ) : null}
    </g>
  );
});
