/**
 * The IndexedDB record format of classes and images, and a strict decoder: a record written by an older
 * version, cut short by a crash or edited by hand is reported and skipped, never trusted.
 */
import { MAX_CLASS_NAME, STORED_SHAPE, type UploadClass, type UploadImage } from './collection';

/** Bump when the record layout changes. */
export const RECORD_VERSION = 1;

/** A class as stored. */
export interface StoredClassRecord {
  v: typeof RECORD_VERSION;
  id: string;
  name: string;
  createdAt: number;
}

/** An image as stored: pixels `[64, 64, 3]` uint8 plus the preview Blob. */
export interface StoredImageRecord {
  v: typeof RECORD_VERSION;
  id: string;
  classId: string;
  name: string;
  width: number;
  height: number;
  /** Side of the stored square, so a change of STORED_SIZE is detected instead of misread. */
  size: number;
  pixels: Uint8Array;
  preview: Blob;
  addedAt: number;
}

/** A decoded record, or why it was refused. */
export type Decoded<T> = { ok: true; value: T } | { ok: false; why: string };

/** The stored form of a class. */
export function encodeClassRecord(c: UploadClass): StoredClassRecord {
  return { v: RECORD_VERSION, id: c.id, name: c.name, createdAt: c.createdAt };
}

/** The stored form of an image: pixels [64, 64, 3] uint8 and the preview Blob as they are. */
export function encodeImageRecord(i: UploadImage): StoredImageRecord {
  return { v: RECORD_VERSION, id: i.id, classId: i.classId, name: i.name, width: i.width, height: i.height, size: STORED_SHAPE[0], pixels: i.pixels, preview: i.preview, addedAt: i.addedAt };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isId = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 64;
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** Checks every field of a stored class; never throws. */
export function decodeClassRecord(raw: unknown): Decoded<UploadClass> {
  if (!isObject(raw)) return { ok: false, why: 'not an object' };
  if (raw.v !== RECORD_VERSION) return { ok: false, why: `unknown record version ${String(raw.v)}` };
  if (!isId(raw.id)) return { ok: false, why: 'missing id' };
  if (typeof raw.name !== 'string' || raw.name.trim() === '' || raw.name.length > MAX_CLASS_NAME) return { ok: false, why: 'bad class name' };
  if (typeof raw.createdAt !== 'number' || !Number.isFinite(raw.createdAt)) return { ok: false, why: 'bad creation time' };
  return { ok: true, value: { id: raw.id, name: raw.name, createdAt: raw.createdAt } };
}

/** Checks every field of a stored image, including the pixel count of [64, 64, 3]; never throws. */
export function decodeImageRecord(raw: unknown): Decoded<UploadImage> {
  if (!isObject(raw)) return { ok: false, why: 'not an object' };
  if (raw.v !== RECORD_VERSION) return { ok: false, why: `unknown record version ${String(raw.v)}` };
  if (!isId(raw.id) || !isId(raw.classId)) return { ok: false, why: 'missing id or class id' };
  if (typeof raw.name !== 'string') return { ok: false, why: 'missing name' };
  if (!isCount(raw.width) || !isCount(raw.height) || raw.width === 0 || raw.height === 0) return { ok: false, why: 'bad original size' };
  if (raw.size !== STORED_SHAPE[0]) return { ok: false, why: `stored at ${String(raw.size)} px, expected ${STORED_SHAPE[0]}` };
  const pixels = raw.pixels instanceof ArrayBuffer ? new Uint8Array(raw.pixels) : raw.pixels;
  const expected = STORED_SHAPE[0] * STORED_SHAPE[1] * STORED_SHAPE[2];
  if (!(pixels instanceof Uint8Array) || pixels.length !== expected) return { ok: false, why: `pixels are not ${expected} bytes` };
  if (typeof Blob === 'undefined' || !(raw.preview instanceof Blob) || raw.preview.size === 0) return { ok: false, why: 'missing preview' };
  if (typeof raw.addedAt !== 'number' || !Number.isFinite(raw.addedAt)) return { ok: false, why: 'bad time' };
  return { ok: true, value: { id: raw.id, classId: raw.classId, name: raw.name, width: raw.width, height: raw.height, pixels, preview: raw.preview, addedAt: raw.addedAt } };
}
