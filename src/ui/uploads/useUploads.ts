import { useCallback, useEffect, useRef, useState } from 'react';
import { callback } from '../../engine/client';
import type { AddResult, RepairResult, UploadFileInput, UploadRejection, UploadTarget, UploadsEvent, UploadsSnapshot } from '../../engine/uploads/uploadsProtocol';
import { useWorker } from '../engineContext';
import { toUserMessage, type UserMessage } from '../../messages/index';
import { requestPersistence } from './storageEstimate';
import { useUploadBatch } from './useUploadBatch';

const message = toUserMessage;

/** What the last batch did, for the status lines (the snapshot itself goes to the class list). */
export type BatchOutcome = Omit<AddResult, 'snapshot' | 'rejections'>;

/**
 * The user's dataset as the worker holds it, and the actions on it. The list follows every change,
 * also those made in another tab (the worker pushes an event; the newer snapshot is fetched). Refused
 * files accumulate (one entry each) until dismissed, so a student can read them after several batches.
 */
export function useUploads() {
  const worker = useWorker();
  const [snapshot, setSnapshot] = useState<UploadsSnapshot | null>(null);
  const [rejections, setRejections] = useState<UploadRejection[]>([]);
  const [outcome, setOutcome] = useState<BatchOutcome | null>(null);
  const [error, setError] = useState<UserMessage | null>(null);
  const [repaired, setRepaired] = useState<Omit<RepairResult, 'snapshot'> | null>(null);
  const shown = useRef(-1);
  const asked = useRef(false);
  /** Set while a batch is in flight: its result brings the newest snapshot, so events only mark one as due. */
  const batchBusy = useRef(false);
  const due = useRef(false);

  /** Shows a snapshot unless a newer one is shown already (results and events can arrive in any order). */
  const show = useCallback((s: UploadsSnapshot) => {
    if (s.version < shown.current) return;
    shown.current = s.version;
    setSnapshot(s);
  }, []);

  useEffect(() => {
    if (!worker) return;
    let live = true;
    let subscription: number | null = null;
    const onEvent = (e: UploadsEvent) => {
      if (!live || e.version <= shown.current) return;
      // A 2,000-image snapshot is a large clone for the page: not once per written chunk of a batch.
      if (batchBusy.current) due.current = true;
      else void worker.uploads.list().then((s) => live && show(s));
    };
    worker.uploads.list().then((s) => live && show(s), (e) => live && setError(message(e)));
    void worker.uploads.subscribe(callback(onEvent)).then((id) => {
      if (live) subscription = id;
      else void worker.uploads.unsubscribe(id);
    });
    return () => {
      live = false;
      if (subscription !== null) void worker.uploads.unsubscribe(subscription);
    };
  }, [worker, show]);

  const onResult = useCallback((result: AddResult) => {
    const { snapshot: next, rejections: refused, ...rest } = result;
    show(next);
    setRejections((r) => [...r, ...refused]);
    setOutcome(rest);
    // The first images stored: ask the browser to keep them (Chromium decides without a prompt).
    if (rest.added > 0 && !asked.current) {
      asked.current = true;
      void requestPersistence();
    }
  }, [show]);
  const batches = useUploadBatch(worker, onResult, setError);
  useEffect(() => {
    batchBusy.current = batches.busy;
    if (batches.busy || !due.current || !worker) return;
    due.current = false;
    void worker.uploads.list().then(show);
  }, [batches.busy, worker, show]);

  /** Runs one worker action that returns the new snapshot; failures are shown, never thrown. */
  const act = useCallback(async (fn: () => Promise<UploadsSnapshot>) => {
    setError(null);
    try {
      show(await fn());
    } catch (e) {
      setError(message(e));
    }
  }, [show]);

  const addFiles = useCallback((files: UploadFileInput[], target: UploadTarget) => {
    if (files.length === 0) return;
    setError(null);
    setOutcome(null);
    void batches.start(files, target);
  }, [batches]);

  const addFrame = useCallback(async (frame: ImageBitmap, target: UploadTarget) => {
    if (!worker) return;
    setError(null);
    try {
      // ImageBitmap is structured-cloneable; the worker closes its copy, we close ours.
      onResult(await worker.uploads.addFrame(frame, `webcam-${new Date().toISOString().replace(/[:.]/g, '-')}.jpg`, target));
    } catch (e) {
      setError(message(e));
    } finally {
      frame.close();
    }
  }, [worker, onResult]);

  /** Deletes the damaged records the snapshot reports; readable images of a lost class get it back as `fallbackName`. */
  const removeDamaged = useCallback(async (fallbackName: string) => {
    if (!worker) return;
    setError(null);
    try {
      const { snapshot: next, ...summary } = await worker.uploads.removeDamaged(fallbackName);
      show(next);
      setRepaired(summary);
    } catch (e) {
      setError(message(e));
    }
  }, [worker, show]);

  return {
    snapshot, rejections, outcome, error, repaired,
    batch: batches.batch, busy: batches.busy, busyRefused: batches.busyRefused,
    confirmBatch: batches.confirm, cancelBatch: batches.cancel,
    addFiles,
    addFrame,
    removeDamaged,
    dismissRejections: useCallback(() => setRejections([]), []),
    createClass: useCallback((name: string) => worker && act(async () => worker.uploads.createClass(name)), [worker, act]),
    renameClass: useCallback((id: string, name: string) => worker && act(async () => worker.uploads.renameClass(id, name)), [worker, act]),
    deleteClass: useCallback((id: string) => worker && act(async () => worker.uploads.deleteClass(id)), [worker, act]),
    moveImage: useCallback((id: string, classId: string) => worker && act(async () => worker.uploads.moveImage(id, classId)), [worker, act]),
    deleteImage: useCallback((id: string) => worker && act(async () => worker.uploads.deleteImage(id)), [worker, act]),
    storeAgain: useCallback(() => worker && act(async () => worker.uploads.storeAgain()), [worker, act]),
  };
}

/** The hook's state and actions, for child components. */
export type UploadsState = ReturnType<typeof useUploads>;
