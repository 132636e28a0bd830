/**
 * The Keras bridge, pure TypeScript (no tfjs, React or DOM): the playground's experiment as Keras 3
 * Python (a script and a notebook), and the Keras model plan that config.json and model.weights.h5 of a
 * `.keras` file are written from and read back into.
 */
export * from './python';
export * from './kerasObjects';
export * from './kerasLayers';
export * from './kerasModel';
export * from './weightLayout';
export * from './customLayers';
export * from './modelCode';
export * from './modelModule';
export * from './kerasConfig';
export * from './fromKerasConfig';
export * from './experiment';
export * from './augmentCode';
export * from './trainingCode';
export * from './script';
export * from './notebook';
export * from './npz';
