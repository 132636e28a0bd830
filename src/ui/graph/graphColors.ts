import type { NodeKind, ShortcutKind } from '../../views/archGraph/index';

/**
 * Colours as SVG presentation attributes (not CSS classes), so an exported SVG or PNG looks the same as
 * the page. Convolutions blue, pooling orange, dense purple, shape-keeping layers grey slices.
 */
export const KIND_FILL: Record<NodeKind, string> = {
  input: '#495057',
  conv2d: '#4c8fdc',
  maxPool: '#f59f4c',
  avgPool: '#f59f4c',
  globalAvgPool: '#f08c00',
  lrn: '#cc5de8',
  batchNorm: '#adb5bd',
  activation: '#868e96',
  dense: '#9775fa',
  flatten: '#ced4da',
  dropout: '#dee2e6',
  zeroPad: '#e9ecef',
  padShortcut: '#e8590c',
  add: '#2f9e44',
  concat: '#12b886',
  rescale: '#74c0fc',
  tableConv2d: '#1c7ed6',
  subsample: '#e8890c',
  rbf: '#e64980',
  inception: '#0ca678',
};

export const SKIP_STYLE: Record<ShortcutKind, { stroke: string; width: number; dash?: string }> = {
  identity: { stroke: '#2f9e44', width: 2 },
  'zero-pad': { stroke: '#e8590c', width: 2, dash: '6 3' },
  projection: { stroke: '#7048e8', width: 3 },
};

export const INK = '#3b4250';
export const MUTED = '#5b6270';
export const EDGE = '#9aa3ad';
export const FOCUS = '#ff9f1c';
export const FROZEN_FILL = '#d5d7db';
export const LANE_FILL = '#effaf5';
export const LANE_STROKE = '#b2e2cf';
