/**
 * The experiment as one Python file for Keras 3: importable (`build_model()` returns the uncompiled
 * model, `CUSTOM_OBJECTS` reads the playground's .keras files) and runnable — compile, fit, evaluate,
 * predict and save happen only under `if __name__ == "__main__":`, with `--data FILE.npz` for the
 * images the playground exported (offline, the same split).
 */
import { formatCount, inferGraph } from '../arch/index';
import { augmentCode } from './augmentCode';
import type { KerasExperiment } from './experiment';
import { modelCode, type ModelCode } from './modelModule';
import { pyString } from './python';
import { trainingCode, type TrainingCode } from './trainingCode';

/** Everything the script and the notebook are made of. */
export interface ExperimentCode {
  readonly model: ModelCode;
  readonly training: TrainingCode;
  readonly augmentation: ReturnType<typeof augmentCode>;
  /** The module name the script is imported as (`lenet5_modern_mnist`). */
  readonly module: string;
}

/** The code pieces of `e`. @throws UserError (`keras.noCounterpart`) for a layer Keras has no word for yet. */
export function experimentCode(e: KerasExperiment): ExperimentCode {
  const info = inferGraph(e.graph);
  const model = modelCode(e.graph, `${e.title} as the playground builds it for ${e.dataset.name}: ${formatCount(info.totalParams)} parameters.`);
  const channels = model.plan.input.shape[2] ?? 1;
  return { model, training: trainingCode(e, model.plan), augmentation: augmentCode(e.augment, channels), module: e.stem.replace(/[^\w]/g, '_') };
}

/** What the header says of a smaller copy Train built (a recipe's size for class time), or ''. */
export function scaledNote(e: KerasExperiment): string {
  if (!e.scaled) return '';
  const [h, w, c] = e.scaled.input;
  return `This is the size the playground trained: its recipe's smaller copy (width ${e.scaled.width}, input ${h}x${w}x${c},\n${formatCount(inferGraph(e.graph).totalParams)} parameters) of the ${formatCount(e.scaled.referenceParams)}-parameter network its summary shows.\n`;
}

function header(e: KerasExperiment, module: string): string {
  return `"""${e.title} on ${e.dataset.name}: the CNN Playground experiment as Keras 3 code.
${scaledNote(e)}
Run it:     python ${e.stem}.py                    (${e.dataset.id === 'mnist' || e.dataset.id === 'fashion-mnist' ? `${e.dataset.name} through keras.datasets` : 'needs --data'})
            python ${e.stem}.py --data ${e.dataset.id}.npz   (the images the playground exported: the same split)
Import it:  from ${module} import build_model, CUSTOM_OBJECTS
Load a model the playground exported:
            keras.saving.load_model("${e.stem}.keras", custom_objects=CUSTOM_OBJECTS)
Any Keras 3 backend runs it (KERAS_BACKEND=tensorflow, jax or torch).
"""`;
}

function mainCode(e: KerasExperiment, augment: boolean): string {
  return `def main(argv=None):
    parser = argparse.ArgumentParser(description=${pyString(`${e.title} on ${e.dataset.name}, as in CNN Playground.`)})
    parser.add_argument("--data", help="an .npz the playground exported (x_train, y_train, x_test, y_test)")
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    parser.add_argument("--save", default=${pyString(`${e.stem}.keras`)}, help="where the trained model is saved")
    args = parser.parse_args(argv)
    keras.utils.set_random_seed(SEED)
    (x_train, y_train), (x_test, y_test) = load_data(args.data)
    x_train, y_train = prepare(x_train, y_train)
    x_test, y_test = prepare(x_test, y_test)
    model = build_model()
    model.summary()
    train_data, val_data = split(x_train, y_train)
    compile_model(model, steps_of(len(train_data[0]), epochs=args.epochs))
    ${augment ? 'augmentation = build_augmentation(train_data[0])' : 'augmentation = None  # the playground trained without augmentation'}
    history, batch_losses = train(model, train_data, val_data, augmentation, epochs=args.epochs)
    print(f"loss over the first epoch: {batch_losses[0]:.4f} -> {batch_losses[len(batch_losses) // max(1, args.epochs) - 1]:.4f}")
    print("test:", ", ".join(f"{k} {v:.4f}" for k, v in evaluate(model, x_test, y_test).items()))
    for i, p in enumerate(predict(model, x_test[:8])):
        print(f"test image {i}: {CLASS_NAMES[p.argmax()]} ({p.max():.1%}), label {CLASS_NAMES[y_test[i].argmax()]}")
    model.save(args.save)
    print(f"saved {args.save}: the playground imports it (Transfer learning, Import a .keras file)")


if __name__ == "__main__":
    main()`;
}

/** The whole `.py` file of `e`. */
export function experimentScript(e: KerasExperiment, code: ExperimentCode = experimentCode(e)): string {
  const { model, training, augmentation } = code;
  const parts = [
    header(e, code.module),
    `import argparse\n\n${model.imports}`,
    training.constants,
    model.customLayers,
    model.constants,
    model.buildModel,
    model.customObjects,
    training.data,
    augmentation.layers,
    augmentation.builder,
    training.compile,
    training.train,
    training.evaluate,
    mainCode(e, augmentation.active),
  ];
  return parts.filter((p) => p !== '').join('\n\n\n') + '\n';
}
