/** Public API of the architecture engine (pure TypeScript: no tfjs, React or DOM). */
export * from './types';
export { GraphBuilder } from './graphBuilder';
export { inferGraph } from './inferGraph';
export { inferLayer, formatShape, windowOutput } from './layerInference';
export * from './blocks';
export * from './layers';
export * from './summary';
export * from './bottleneckCost';
export * from './zoo/index';
export { LENET_C3_TABLE, connectionMatrix } from './zoo/lenetC3Table';
export { DIGIT_BITMAPS, BITMAP_WIDTH, BITMAP_HEIGHT, bitmapVector, rbfCentres } from './zoo/digitBitmaps';
export * from './trainingMemory';
export * from './trainingOptions';
export { receptiveField, padBefore, type Region } from './receptiveField';
