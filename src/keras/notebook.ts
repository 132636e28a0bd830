/**
 * The experiment as a Jupyter notebook (nbformat 4) that runs top to bottom on Colab: the same pieces
 * as the script, one step per cell with a line of explanation, the per-batch loss, and a last cell that
 * trains the same model data-parallel over every visible accelerator with Keras' distribution API.
 */
import type { KerasExperiment } from './experiment';
import { experimentCode, scaledNote, type ExperimentCode } from './script';

type Cell = { cell_type: 'markdown' | 'code'; metadata: Record<string, never>; source: string[] } & ({ cell_type: 'markdown' } | { cell_type: 'code'; execution_count: null; outputs: [] });

const lines = (text: string): string[] => text.split('\n').map((l, i, all) => (i < all.length - 1 ? `${l}\n` : l));
const md = (text: string): Cell => ({ cell_type: 'markdown', metadata: {}, source: lines(text) });
const code = (text: string): Cell => ({ cell_type: 'code', metadata: {}, execution_count: null, outputs: [], source: lines(text) });

const PARALLEL = `# Data parallel: every visible GPU/TPU holds a copy of the model and takes its share of each batch.
devices = keras.distribution.list_devices()
print(f"{len(devices)} device(s):", devices)
if keras.backend.backend() == "jax":
    keras.distribution.set_distribution(keras.distribution.DataParallel(devices=devices))
    parallel_model = build_model()
    compile_model(parallel_model, steps_of(len(train_data[0]), BATCH_SIZE * len(devices)))
elif keras.backend.backend() == "tensorflow":
    import tensorflow as tf
    strategy = tf.distribute.MirroredStrategy()
    with strategy.scope():
        parallel_model = build_model()
        compile_model(parallel_model, steps_of(len(train_data[0]), BATCH_SIZE * len(devices)))
else:
    raise SystemExit("Data-parallel training here needs the JAX or TensorFlow backend.")
# The same experiment; the global batch grows with the devices, so each one still sees BATCH_SIZE images.
history, parallel_losses = train(parallel_model, train_data, val_data, augmentation, batch_size=BATCH_SIZE * len(devices))
print("test:", evaluate(parallel_model, x_test, y_test))`;

/** The `.ipynb` JSON object of `e`. `dataFile` pre-fills DATA_FILE (e.g. for an offline run). */
export function experimentNotebook(e: KerasExperiment, dataFile: string | null = null, c: ExperimentCode = experimentCode(e)): object {
  const { model, training, augmentation } = c;
  const online = e.dataset.id === 'mnist' || e.dataset.id === 'fashion-mnist';
  const cells: Cell[] = [
    md(`# ${e.title} on ${e.dataset.name}\n\nThe experiment you ran in **CNN Playground**, as Keras 3 code: the same network, data split, optimizer and training settings.${e.scaled ? ` ${scaledNote(e).replace(/\n/g, ' ').trim()}` : ''} Run the cells from top to bottom (on Colab: *Runtime → Run all*; a GPU runtime makes it fast).\n\n${online ? `${e.dataset.name} is downloaded through \`keras.datasets\`; to train on exactly the playground's images, export them there (Keras panel, *Download data .npz*), upload the file and set \`DATA_FILE\` below.` : `Export the data from the playground (Keras panel, *Download data .npz*), upload it here and set \`DATA_FILE\` below.`}`),
    code(`DATA_FILE = ${dataFile === null ? 'None' : JSON.stringify(dataFile)}  # e.g. "${e.dataset.id}.npz" exported by the playground\n\n${model.imports}\nprint("Keras", keras.__version__, "on", keras.backend.backend())\n\n${training.constants}`),
    ...(model.customLayers ? [md('Layers Keras has no class for, written as small Keras layers (they register themselves, so saved models load again).'), code(model.customLayers)] : []),
    md('## Build\nThe network, layer by layer, with the playground\'s names. `model.summary()` shows the same parameter counts as the playground\'s summary.'),
    code(`${model.constants ? `${model.constants}\n\n\n` : ''}${model.buildModel}\n\n\n${model.customObjects}\n\nmodel = build_model()\nmodel.summary()`),
    md('## Data\nThe images, adapted to the network\'s input as the playground adapts them, and the same train / validation split.'),
    code(`${training.data}\n\n\nkeras.utils.set_random_seed(SEED)\n(x_train, y_train), (x_test, y_test) = load_data(DATA_FILE)\nx_train, y_train = prepare(x_train, y_train)\nx_test, y_test = prepare(x_test, y_test)\ntrain_data, val_data = split(x_train, y_train)\nprint("train", train_data[0].shape, "validation", val_data[0].shape, "test", x_test.shape)`),
    md(augmentation.active ? '## Augmentation\nThe playground\'s training-time augmentation as Keras preprocessing layers (and small layers where Keras has none).' : '## Augmentation\nThe playground trained without augmentation.'),
    code(`${augmentation.layers ? `${augmentation.layers}\n\n\n` : ''}${augmentation.builder}\n\n\naugmentation = build_augmentation(train_data[0])`),
    md(`## Compile and fit\n${[
      e.compile.schedule === 'cosine' ? "The learning rate follows the playground's cosine schedule (`WarmupCosine`: a short warm-up, then decay to 0)." : '',
      model.plan.layers.some((l) => l.layer.className === 'BatchNormalization') ? `Before each validation the batch norms get the exact statistics of ${e.fit.preciseBatchNorm} training images ("precise BN"), as the playground does.` : '',
    ].filter(Boolean).join(' ')}`.trim()),
    code(`${training.compile}\n\n\n${training.train}\n\n\ncompile_model(model, steps_of(len(train_data[0])))\nhistory, batch_losses = train(model, train_data, val_data, augmentation)\nprint(f"loss: first batch {batch_losses[0]:.4f}, last batch {batch_losses[-1]:.4f}")`),
    md('## Evaluate and predict'),
    code(`${training.evaluate}\n\n\nprint("test:", evaluate(model, x_test, y_test))\nfor i, p in enumerate(predict(model, x_test[:8])):\n    print(f"test image {i}: {CLASS_NAMES[p.argmax()]} ({p.max():.1%}), label {CLASS_NAMES[y_test[i].argmax()]}")\nmodel.save(${JSON.stringify(`${e.stem}.keras`)})  # the playground imports it (Transfer learning, Import a .keras file)`),
    md('## When one machine is not enough\nThe same model on every visible accelerator with Keras\' distribution API (data parallel: each device trains a copy on its share of the batch, the gradients are averaged). On one device it simply trains once more.'),
    code(PARALLEL),
  ];
  return {
    cells,
    metadata: {
      kernelspec: { display_name: 'Python 3', language: 'python', name: 'python3' },
      language_info: { name: 'python' },
      colab: { provenance: [] },
      accelerator: 'GPU',
    },
    nbformat: 4,
    nbformat_minor: 4,
  };
}
