/**
 * Finding and loading pretrained bases: the shipped ones listed in `models/index.json`, or any tfjs
 * layers model by URL (ImageNet MobileNet) with a timeout and a plain-words error when the network
 * is down or blocked — never a hang.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import '../../model/layers/index';
import { transferError, userMessageOf } from '../../messages/index';
import { rescalingFor, withInputRescaling, type InputRange } from './inputRescaling';
import type { BaseEntry } from './transferProtocol';

/** The `format` tag of `public/models/index.json`. */
export const BASE_INDEX_FORMAT = 'cnn-playground/pretrained-bases@1';


const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Validates `models/index.json`.
 * @throws UserError naming the first bad entry.
 */
export function parseBaseIndex(json: unknown): BaseEntry[] {
  if (!isObject(json) || json.format !== BASE_INDEX_FORMAT || !Array.isArray(json.bases)) {
    throw transferError('transfer.indexFormat', { format: BASE_INDEX_FORMAT });
  }
  return json.bases.map((b, i) => {
    const ok =
      isObject(b) && typeof b.id === 'string' && /^[\w-]+$/.test(b.id) && typeof b.title === 'string' && typeof b.arch === 'string' &&
      isObject(b.options) && typeof b.dataset === 'string' && Array.isArray(b.classNames) && typeof b.testAccuracy === 'number' &&
      typeof b.featureLayer === 'string' && (b.headPooling === 'avg' || b.headPooling === 'flatten') && typeof b.path === 'string' && /^[\w-]+\/[\w.-]+\.json$/.test(b.path) &&
      typeof b.params === 'number' && typeof b.weightBytes === 'number';
    if (!ok) throw transferError('transfer.indexEntry', { index: i });
    return b as unknown as BaseEntry;
  });
}

/** Reads the shipped bases' index from `modelsUrl` (an absolute URL of the models folder). */
export async function loadBaseIndex(modelsUrl: string, fetchFn: typeof fetch = fetch): Promise<BaseEntry[]> {
  const url = `${modelsUrl.replace(/\/+$/, '')}/index.json`;
  let response: Response;
  try {
    response = await fetchFn(url);
  } catch (e) {
    throw transferError('transfer.indexFetch', { url, detail: message(e) }, { cause: e });
  }
  if (!response.ok) throw transferError('transfer.indexHttp', { url, status: response.status });
  const text = await response.text();
  try {
    return parseBaseIndex(JSON.parse(text));
  } catch (e) {
    if (e instanceof SyntaxError) throw transferError('transfer.indexNotJson', { url }, { cause: e });
    throw e;
  }
}

/** Options of {@link loadModelFromUrl}. */
export interface UrlLoadOptions {
  /** Give up (and abort the downloads) after this many milliseconds. */
  timeoutMs: number;
  onProgress?: (fraction: number) => void;
  fetchFunc?: typeof fetch;
  /**
   * The pixel range the model expects (default [0, 1], what the engine feeds): any other range puts a
   * Rescaling layer after the model's input (see inputRescaling.ts).
   */
  inputRange?: InputRange;
}

function explain(url: string, error: unknown, timedOut: boolean, timeoutMs: number): unknown {
  // Our own refusals (e.g. a model we cannot rescale) already say what is wrong.
  if (!timedOut && userMessageOf(error)) return error;
  const host = (() => {
    try {
      return new URL(url).host;
    } catch {
      return url;
    }
  })();
  if (timedOut) return transferError('transfer.urlTimeout', { url, seconds: timeoutMs / 1000 });
  const text = message(error);
  if (/failed to fetch|networkerror|fetch failed|load failed|ECONNREFUSED|ENOTFOUND|network/i.test(text)) {
    return transferError('transfer.urlOffline', { host, detail: text }, { cause: error });
  }
  return transferError('transfer.urlFailed', { url, detail: text }, { cause: error });
}

/**
 * Loads a tfjs layers model (model.json + weight shards) by URL, with `tfl.loadLayersModel`; with an
 * `inputRange` other than [0, 1] its topology first gets a Rescaling layer after the input, so the model
 * takes [0, 1] pixels like every model of the engine. Rejects after `timeoutMs` (aborting the requests;
 * a model that still arrives is disposed).
 * @throws UserError saying whether the network is down/blocked, the wait timed out, or the files are wrong.
 */
export async function loadModelFromUrl(url: string, o: UrlLoadOptions): Promise<tfl.LayersModel> {
  const controller = new AbortController();
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
      reject(new Error('timeout'));
    }, o.timeoutMs);
  });
  // tf.io.http explicitly, so a relative or file path (Node, tests) goes through `fetchFunc` too.
  const http = tf.io.http(url, { requestInit: { signal: controller.signal }, onProgress: o.onProgress, fetchFunc: o.fetchFunc });
  const rescale = o.inputRange ? rescalingFor(o.inputRange) : null;
  // The topology is rewritten between download and build, so tfjs builds the rescaled model directly.
  const handler: tf.io.IOHandler = rescale === null ? http : {
    load: async () => {
      const artifacts = (await http.load?.()) ?? {};
      return { ...artifacts, modelTopology: withInputRescaling(artifacts.modelTopology, rescale) as object };
    },
  };
  const loading = tfl.loadLayersModel(handler);
  try {
    return await Promise.race([loading, timeout]);
  } catch (e) {
    // A late model must not leak its weights.
    loading.then((m) => m.dispose(), () => undefined);
    throw explain(url, e, timedOut, o.timeoutMs);
  } finally {
    clearTimeout(timer);
  }
}

/** Checks that a loaded model has one image input [H, W, C]; returns it. */
export function imageInputShape(model: tfl.LayersModel): [number, number, number] {
  const shape = model.inputs.length === 1 ? model.inputs[0].shape.slice(1) : [];
  if (shape.length !== 3 || !shape.every((d) => typeof d === 'number' && d > 0)) {
    throw transferError('transfer.notImageModel', { model: model.name, inputs: JSON.stringify(model.inputs.map((i) => i.shape)) });
  }
  return shape as [number, number, number];
}

