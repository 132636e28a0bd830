import { formatShape, kerasTypeName } from '../../arch/index';
import type { InceptionBranch, LayoutNode, ShortcutKind } from '../../views/archGraph/index';
import { fill } from '../i18n/format';
import type { GraphMessageKey } from '../i18n/graph';

type T = (key: GraphMessageKey) => string;
type Fmt = (n: number) => string;

/** "c1_conv — Conv2D — output 28×28×6 — 156 parameters — 122,304 MACs", for the tooltip and the details line. */
export function describeNode(node: LayoutNode, t: T, fmt: Fmt, frozen: boolean): string {
  const type = node.kind === 'inception' ? t('module') : kerasTypeName(node.kind);
  const parts = [
    node.id,
    type,
    `${t('output')} ${formatShape(node.shape)}`,
    `${fmt(node.params)} ${t('params')}`,
    `${fmt(node.macs)} ${t('macs')}`,
  ];
  const table = node.connectionTable;
  if (table) parts.push(fill(t('connectionTable'), { n: fmt(table.flat().filter(Boolean).length), total: fmt(table.length * (table[0]?.length ?? 0)) }));
  if (node.role === 'shortcut' && node.group) parts.push(`${t('shortcutOf')} ${node.group}`);
  else if (node.group && node.kind !== 'inception') parts.push(`${t('block')} ${node.group}`);
  if (frozen) parts.push(t('frozen'));
  return parts.join(' — ');
}

const BRANCH_KEYS = ['branch0', 'branch1', 'branch2', 'branch3'] as const;

/** An inception branch's lane label (compact cost) and its tooltip (full figures). */
export function describeBranch(branch: InceptionBranch, t: T, fmt: Fmt, compact: Fmt): { label: string; title: string } {
  const name = t(BRANCH_KEYS[branch.index] ?? 'branch0');
  const channels = `${branch.outChannels} ${t('channelsShort')}`;
  return {
    label: `${name} · ${channels} · ${compact(branch.macs)} ${t('macs')}`,
    title: `${branch.module} ${name}: ${channels}, ${fmt(branch.params)} ${t('params')}, ${fmt(branch.macs)} ${t('macs')}`,
  };
}

const SHORTCUT_KEYS: Record<ShortcutKind, GraphMessageKey> = {
  identity: 'legendIdentity',
  'zero-pad': 'legendZeroPad',
  projection: 'legendProjection',
};

/** "conv2_block1: projection W_s (1×1 conv + BN)". */
export function describeShortcut(block: string, kind: ShortcutKind, t: T): string {
  return `${block}: ${t(SHORTCUT_KEYS[kind])}`;
}
