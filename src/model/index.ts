/**
 * Arch graph → tfjs LayersModel: the builder, the custom layers (registered for save/load on import),
 * the node ↔ layer mapping, freezing, and head replacement for transfer learning.
 */
export { buildModel, type BuildModelOptions } from './buildModel';
export { nodeOfLayer, mainOutputIndex, HELPER_SEPARATOR } from './nodeLayers';
export { nodeLayers, layerOf, countParams, type NodeLayers, type ParamCounts } from './inspect';
export { freezeLayers, freezeUpTo, setTrainableUpTo, unfreezeAll, type LayerSelector } from './freeze';
export { replaceHead, type HeadPooling } from './head';
export { rebuildArchitecture, modelFromTopology, modelTopologyOf, type ModelTopology } from './rebuild';
export * from './layers';
