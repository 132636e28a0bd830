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

/**
 * Why a stored record was refused, in words a student can be shown (the UI localises these):
 * `unreadable` the browser could not read it back; `version` another record layout (an older or newer
 * version of the app); `fields` a field is missing or invalid (cut short by a crash, edited by hand);
 * `pixels` / `preview` the image data or thumbnail is missing or the wrong size; `class-missing` a
 * readable image whose class record is damaged or gone.
 */
export type RecordProblem = 'unreadable' | 'version' | 'fields' | 'pixels' | 'preview' | 'class-missing';

/** A decoded record, or why it was refused (`why`: the technical detail, in English). */
export type Decoded<T> = { ok: true; value: T } | { ok: false; problem: RecordProblem; why: string };

const refuse = (problem: RecordProblem, why: string) => ({ ok: false, problem, why }) as const;

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

/** What a damaged record still tells about itself (any of it may be missing). */
export interface ReadableParts {
  /** The class name (class records) or file name (image records), if it is a non-empty string. */
  name: string | null;
  /** The class id an image record points to, if it is a string. */
  classId: string | null;
}

/** Reads whatever names a damaged record still holds, so the message can say which record it is; never throws. */
export function readableParts(raw: unknown): ReadableParts {
  if (!isObject(raw)) return { name: null, classId: null };
  const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.slice(0, 200) : null);
  return { name: text(raw.name), classId: text(raw.classId) };
}

/** Checks every field of a stored class; never throws. */
export function decodeClassRecord(raw: unknown): Decoded<UploadClass> {
  if (!isObject(raw)) return refuse('fields', 'not an object');
  if (raw.v !== RECORD_VERSION) return refuse('version', `unknown record version ${String(raw.v)}`);
  if (!isId(raw.id)) return refuse('fields', 'missing id');
  if (typeof raw.name !== 'string' || raw.name.trim() === '' || raw.name.length > MAX_CLASS_NAME) return refuse('fields', 'bad class name');
  if (typeof raw.createdAt !== 'number' || !Number.isFinite(raw.createdAt)) return refuse('fields', 'bad creation time');
  return { ok: true, value: { id: raw.id, name: raw.name, createdAt: raw.createdAt } };
}

/** Checks every field of a stored image, including the pixel count of [64, 64, 3]; never throws. */
export function decodeImageRecord(raw: unknown): Decoded<UploadImage> {
  if (!isObject(raw)) return refuse('fields', 'not an object');
  if (raw.v !== RECORD_VERSION) return refuse('version', `unknown record version ${String(raw.v)}`);
  if (!isId(raw.id) || !isId(raw.classId)) return refuse('fields', 'missing id or class id');
  if (typeof raw.name !== 'string') return refuse('fields', 'missing name');
  if (!isCount(raw.width) || !isCount(raw.height) || raw.width === 0 || raw.height === 0) return refuse('fields', 'bad original size');
  if (raw.size !== STORED_SHAPE[0]) return refuse('pixels', `stored at ${String(raw.size)} px, expected ${STORED_SHAPE[0]}`);
  const pixels = raw.pixels instanceof ArrayBuffer ? new Uint8Array(raw.pixels) : raw.pixels;
  const expected = STORED_SHAPE[0] * STORED_SHAPE[1] * STORED_SHAPE[2];
  if (!(pixels instanceof Uint8Array) || pixels.length !== expected) return refuse('pixels', `pixels are not ${expected} bytes`);
  if (typeof Blob === 'undefined' || !(raw.preview instanceof Blob) || raw.preview.size === 0) return refuse('preview', 'missing preview');
  if (typeof raw.addedAt !== 'number' || !Number.isFinite(raw.addedAt)) return refuse('fields', 'bad time');
  return { ok: true, value: { id: raw.id, classId: raw.classId, name: raw.name, width: raw.width, height: raw.height, pixels, preview: raw.preview, addedAt: raw.addedAt } };
}
