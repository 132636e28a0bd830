/** Architecture-graph maths (pure TypeScript, D3 for scales only): layout, zoom/pan, cost bars. */
export * from './types';
export { layoutArchGraph, moduleShortName, SPACING, type LayoutOptions } from './layoutGraph';
export { blockSizer, spatialOf, BLOCK } from './blockSize';
export * from './zoomMath';
export * from './costBars';
export { matrixCells, type MatrixCell } from './connectionMatrix';
export { planWrap, LABEL_ROOM_PX } from './wrapPlan';
export { placeLabels, labelSize, LABEL_FONT, type PlacedLabel } from './labelPlacement';
