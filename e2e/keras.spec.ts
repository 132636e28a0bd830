import { expect, test, type Download } from '@playwright/test';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { readFileSync } from 'node:fs';

async function bytesOf(download: Download): Promise<Uint8Array> {
  return new Uint8Array(readFileSync(await download.path()));
}

test('Show as Keras: Sequential LeNet-5, functional ResNet-20 with its option-A layer, GoogLeNet+aux loss weights; .py and notebook downloads', async ({ page }) => {
  await page.goto('./?epochs=3&batch=32&lr=0.002');
  const panel = page.getByTestId('keras-panel');
  await panel.getByTestId('show-keras').click();
  const code = page.getByTestId('keras-code');
  await expect(code).toContainText('return keras.Sequential(');
  await expect(code).toContainText('layers.Conv2D(6, (5, 5), strides=(1, 1), padding="valid", activation="relu", kernel_initializer="glorot_uniform", name="c1_conv")');
  await expect(code).toContainText('LEARNING_RATE = 0.002');
  await expect(code).toContainText('EPOCHS = 3');
  await expect(code).toContainText('keras.datasets.mnist.load_data()');
  // Highlighted: Prism marks keywords and strings as tokens.
  await expect(code.locator('span.token.keyword').first()).toBeVisible();

  const [py] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-keras-py').click()]);
  expect(py.suggestedFilename()).toBe('lenet5-modern-mnist.py');
  const script = strFromU8(await bytesOf(py));
  expect(script).toContain('def build_model():');
  expect(script).toContain('if __name__ == "__main__":\n    main()');
  expect(script).toContain('parser.add_argument("--data"');
  const [nb] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-keras-notebook').click()]);
  const notebook = JSON.parse(strFromU8(await bytesOf(nb)));
  expect(notebook.nbformat).toBe(4);
  const source = notebook.cells.map((c: { source: string[] }) => c.source.join('')).join('\n');
  expect(source).toContain('keras.distribution.DataParallel(devices=devices)');
  expect(source).toContain('model.summary()');

  // At full size (its recipe would train a half-width copy, whose stage 2 has 16 filters).
  await page.goto('./?arch=resnet20&dataset=shapes&fullsize=1');
  await page.getByTestId('show-keras').click();
  await expect(code).toContainText('class PadShortcut(layers.Layer):');
  await expect(code).toContainText('x = PadShortcut(stride=2, filters=32, name="stage2_block1_0_pad")(stage1_block3_out)');
  await expect(code).toContainText('return keras.Model(inputs, predictions, name="resnet20")');
  await expect(code).toContainText('CLASS_NAMES = ["Circle", "Square", "Triangle", "Cross", "Ring", "Star"]');
  await expect(code).toContainText('pass --data FILE.npz');

  await page.goto('./?arch=googlenet&aux=1&width=0.25&input=96,96,1');
  await page.getByTestId('show-keras').click();
  await expect(code).toContainText('loss_weights=[1.0, 0.3, 0.3],');
  await expect(code).toContainText('return keras.Model(inputs, [predictions, aux1_predictions, aux2_predictions], name="googlenet-aux")');
  await expect(code).toContainText('class LocalResponseNorm(layers.Layer):');
});

test("Show as Keras: the 1998 LeNet-5 with its small layers, and the run Train makes (a recipe's smaller copy, initialiser, batch-norm momentum, cosine schedule, precise BN)", async ({ page }) => {
  await page.goto('./?variant=1998');
  await page.getByTestId('show-keras').click();
  const code = page.getByTestId('keras-code');
  await expect(code).toContainText('TableConv2D(C3_CONV_TABLE, (5, 5), strides=(1, 1), padding="valid", activation=scaled_tanh, kernel_initializer="lecun98", name="c3_conv")');
  await expect(code).toContainText('Subsampling2D((2, 2), strides=(2, 2), activation=scaled_tanh, kernel_initializer="lecun98", name="s2_subsample")');
  await expect(code).toContainText('EuclideanRBF(OUTPUT_RBF_CENTRES, name="output_rbf")');
  await expect(code).toContainText('layers.Dense(84, activation=scaled_tanh, kernel_initializer=LeCun98Uniform(), name="f6_dense")');
  await expect(code).toContainText('class LeCun98Uniform(keras.initializers.Initializer):');
  await expect(code).toContainText('60,840 parameters');
  await expect(page.getByTestId('keras-scaled')).toBeHidden();

  // VGG-16 on MNIST: Train builds the recipe's ×0.25 copy on 32×32×1 with He initialisation; the code is that run.
  await page.goto('./?arch=vgg16');
  await page.getByTestId('show-keras').click();
  await expect(page.getByTestId('keras-scaled')).toContainText('width 0.25, input 32×32×1');
  await expect(code).toContainText('keras.Input(shape=(32, 32, 1), name="input")');
  await expect(code).toContainText('layers.Conv2D(16, (3, 3), strides=(1, 1), padding="same", activation="relu", kernel_initializer="he_normal", name="block1_conv1")');
  await expect(code).toContainText("its recipe's smaller copy (width 0.25, input 32x32x1,");
  await page.getByTestId('language-select').selectOption('ja');
  await expect(page.getByTestId('keras-scaled')).toContainText('幅 0.25');
  await page.getByTestId('language-select').selectOption('en');

  await page.goto('./?arch=resnet20&schedule=cosine');
  await page.getByTestId('show-keras').click();
  await expect(code).toContainText('layers.BatchNormalization(epsilon=0.001, momentum=0.9, name="conv1_bn")');
  await expect(code).toContainText('SCHEDULE = "cosine"');
  await expect(code).toContainText('class WarmupCosine(keras.optimizers.schedules.LearningRateSchedule):');
  await expect(code).toContainText('callbacks = [PreciseBatchNorm(model, x, (x_val, y_val)), batch_loss]');
});

test('a trained model as .keras and its test predictions; the .keras file imported back as model and base; an unsupported layer refused in both languages', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('./?epochs=1&limit=600&batch=32');
  await expect(page.getByTestId('backend-status')).toContainText('Backend:', { timeout: 60_000 });
  await expect(page.getByTestId('export-keras-model')).toBeDisabled();
  await page.getByTestId('train-button').click();
  await expect(page.getByTestId('test-accuracy')).toBeVisible({ timeout: 120_000 });
  const percent = async () => Number.parseFloat((await page.getByTestId('test-accuracy').textContent()) ?? 'NaN');
  const accuracy = await percent();
  expect(accuracy).toBeGreaterThan(30);

  const [model] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-keras-model').click()]);
  expect(model.suggestedFilename()).toBe('lenet5-modern-mnist.keras');
  const bytes = await bytesOf(model);
  const files = unzipSync(bytes);
  expect(Object.keys(files).sort()).toEqual(['config.json', 'metadata.json', 'model.weights.h5']);
  expect(JSON.parse(strFromU8(files['config.json'])).config.name).toBe('lenet5-modern');
  const [predictions] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-keras-predictions').click()]);
  expect(Object.keys(unzipSync(await bytesOf(predictions)))).toEqual(['x.npy', 'probabilities.npy', 'labels.npy']);
  const [data] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-keras-data').click()]);
  const npz = unzipSync(await bytesOf(data));
  expect(strFromU8(npz['x_train.npy'].slice(10, 100))).toContain("'shape': (60000, 28, 28, 1)");

  // Back in: the same network, installed in the transfer panel; on the panel's test subset (200 images
  // per class of the same 2,000) it scores what it scored.
  await page.getByTestId('import-keras-model').setInputFiles({ name: 'lenet5-modern-mnist.keras', mimeType: 'application/zip', buffer: Buffer.from(bytes) });
  await expect(page.getByTestId('transfer-notice')).toContainText('Imported lenet5-modern-mnist.keras from Keras', { timeout: 60_000 });
  await expect(page.getByTestId('transfer-installed')).toContainText('lenet5-modern');
  await expect(page.getByTestId('base-info')).toContainText('61,706 parameters, input 32×32×1');
  await expect(page.getByTestId('transfer-layers')).toContainText('c3_conv');
  await expect(page.getByTestId('test-accuracy')).toBeHidden();
  await page.getByTestId('evaluate-button').click();
  await expect(page.getByTestId('test-accuracy')).toBeVisible({ timeout: 60_000 });
  expect(Math.abs((await percent()) - accuracy)).toBeLessThan(3);

  // A layer the playground cannot train: named, and nothing changes.
  const lstm = { class_name: 'Sequential', config: { name: 'rnn', layers: [{ class_name: 'InputLayer', config: { name: 'in', batch_shape: [null, 28, 28, 1] } }, { class_name: 'LSTM', config: { name: 'lstm_1', units: 8 } }] } };
  const bad = zipSync({ 'config.json': strToU8(JSON.stringify(lstm)), 'metadata.json': strToU8('{}'), 'model.weights.h5': new Uint8Array(8) });
  await page.getByTestId('import-keras-model').setInputFiles({ name: 'rnn.keras', mimeType: 'application/zip', buffer: Buffer.from(bad) });
  await expect(page.getByTestId('transfer-error')).toContainText('Layer "lstm_1" is a LSTM, which this playground cannot train');
  await expect(page.getByTestId('transfer-installed')).toContainText('lenet5-modern');
  await page.getByTestId('language-select').selectOption('ja');
  await expect(page.getByTestId('transfer-error')).toContainText('層「lstm_1」は LSTM で');
});
