/**
 * The model part of the generated Python: imports, the custom layers the network needs, `build_model()`
 * and `CUSTOM_OBJECTS` (what `keras.saving.load_model` needs to read the playground's .keras files).
 * The script and the notebook put their data, augmentation and training code around it.
 */
import type { ArchGraph } from '../arch/index';
import { customLayersCode } from './customLayers';
import { constantsOf, customClassesOf, planKerasModel, type KerasModelPlan } from './kerasModel';
import { buildModelCode } from './modelCode';

/** The pieces of the model code, for the script (one file) and the notebook (one cell each). */
export interface ModelCode {
  readonly plan: KerasModelPlan;
  /** `import numpy as np`, `import keras`, `from keras import layers, ops`. */
  readonly imports: string;
  /** The custom layer classes, or '' when the network needs none. */
  readonly customLayers: string;
  /** Constants the layers name (C3's table, the RBF bitmaps), or ''. */
  readonly constants: string;
  /** `def build_model(): …` */
  readonly buildModel: string;
  /** `CUSTOM_OBJECTS = {…}` */
  readonly customObjects: string;
}

export const IMPORTS = ['import numpy as np', 'import keras', 'from keras import layers, ops'].join('\n');

/**
 * The model code of `graph`; `title` opens build_model's docstring.
 * @throws UserError (`keras.noCounterpart`) for a layer kind Keras has no word for yet.
 */
export function modelCode(graph: ArchGraph, title: string): ModelCode {
  const plan = planKerasModel(graph);
  const classes = customClassesOf(plan);
  const customObjects = `CUSTOM_OBJECTS = {${classes.map((c) => `"${c}": ${c}`).join(', ')}}`;
  return {
    plan,
    imports: IMPORTS,
    customLayers: customLayersCode(classes),
    constants: constantsOf(plan).map((c) => c.code).join('\n\n'),
    buildModel: buildModelCode(plan, title),
    customObjects: `# What keras.saving.load_model needs to read this network's .keras files (the classes above register themselves too).\n${customObjects}`,
  };
}

/** The model code as one importable Python module (imports, custom layers, build_model, CUSTOM_OBJECTS). */
export function modelModuleText(code: ModelCode): string {
  return [code.imports, code.customLayers, code.constants, code.buildModel, code.customObjects].filter((s) => s !== '').join('\n\n\n') + '\n';
}
