/**
 * Keeping a trained transfer model: the metadata that makes it self-describing (graph, head, classes,
 * freeze mode — stored in model.json's `userDefinedMetadata`, so downloads carry it too) and the
 * browser's IndexedDB through tfjs' `indexeddb://` handler.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { ArchGraph } from '../../arch/index';
import { transferError } from '../../messages/index';
import type { FreezeMode, SavedModel, TrainingRecord } from './transferProtocol';

export const METADATA_FORMAT = 'cnn-playground/transfer@1';
const PREFIX = 'indexeddb://cnn-playground/';

/** What a saved transfer model says about itself. */
export interface TransferMetadata {
  format: typeof METADATA_FORMAT;
  graph: ArchGraph;
  cutAt: string;
  head: string[];
  featureLayer: string;
  baseTitle: string;
  datasetId: string;
  /** Original class indices of the dataset, in label order. */
  classes: number[];
  classNames: string[];
  mode: FreezeMode;
  /** `scratch`: a model the training panel built and trained (all classes, nothing frozen); absent: transfer. */
  kind?: 'transfer' | 'scratch';
  training?: TrainingRecord;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads our metadata from a model's `userDefinedMetadata`; null when absent or not ours (a foreign model). */
export function readMetadata(meta: unknown): TransferMetadata | null {
  const m = isObject(meta) ? meta.cnnPlayground : null;
  if (!isObject(m) || m.format !== METADATA_FORMAT) return null;
  const graph = m.graph;
  const ok =
    isObject(graph) && Array.isArray(graph.nodes) && Array.isArray(graph.outputs) && typeof m.cutAt === 'string' &&
    Array.isArray(m.head) && m.head.every((h) => typeof h === 'string') && typeof m.featureLayer === 'string' &&
    Array.isArray(m.classes) && m.classes.every((c) => Number.isInteger(c)) && Array.isArray(m.classNames) && typeof m.datasetId === 'string' && isObject(m.mode);
  if (!ok) throw transferError('transfer.metadataDamaged');
  return m as unknown as TransferMetadata;
}

/** Attaches the metadata, so `model.save` writes it into model.json. */
export function attachMetadata(model: tfl.LayersModel, meta: TransferMetadata): void {
  model.setUserDefinedMetadata({ cnnPlayground: meta });
}

/** Names the user may give: letters, digits, space, `-`, `_`, `.`; 1 to 40 characters. */
export function checkName(name: string): string {
  const trimmed = name.trim();
  if (!/^[\w .-]{1,40}$/.test(trimmed)) throw transferError('transfer.badName');
  return trimmed;
}

const text = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Saves into IndexedDB under `name` (replacing a model of that name). */
export async function saveToBrowser(model: tfl.LayersModel, name: string): Promise<void> {
  const checked = checkName(name);
  try {
    await model.save(`${PREFIX}${checked}`);
  } catch (e) {
    // E.g. the storage quota is full, or private browsing forbids IndexedDB.
    throw transferError('transfer.saveFailed', { name: checked, detail: text(e) }, { cause: e });
  }
}

/** Models this app saved in IndexedDB, newest first. */
export async function listSaved(): Promise<SavedModel[]> {
  const all = await tf.io.listModels();
  return Object.entries(all)
    .filter(([key]) => key.startsWith(PREFIX))
    .map(([key, info]) => ({ name: key.slice(PREFIX.length), savedAt: new Date(info.dateSaved).toISOString(), bytes: info.weightDataBytes ?? 0 }))
    .sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}

/** The stored artifacts of a saved model (built by the caller, which checks them). */
export async function loadSavedArtifacts(name: string): Promise<tf.io.ModelArtifacts> {
  const [handler] = tf.io.getLoadHandlers(`${PREFIX}${checkName(name)}`);
  if (!handler?.load) throw transferError('transfer.noIndexedDb');
  try {
    return await handler.load();
  } catch (e) {
    throw transferError('transfer.noSavedModel', { name, detail: text(e) }, { cause: e });
  }
}

/** Deletes a saved model. */
export async function removeSaved(name: string): Promise<void> {
  const checked = checkName(name);
  try {
    await tf.io.removeModel(`${PREFIX}${checked}`);
  } catch (e) {
    throw transferError('transfer.removeFailed', { name: checked, detail: text(e) }, { cause: e });
  }
}
