import { useCallback, useEffect, useState } from 'react';
import { callback } from '../../engine/client';
import type { RepairResult, UploadFileInput, UploadRejection, UploadTarget, UploadsSnapshot } from '../../engine/uploads/uploadsProtocol';
import { useWorker } from '../engineContext';
import { toUserMessage, type UserMessage } from '../../messages/index';

const message = toUserMessage;

/**
 * The user's dataset as the worker holds it, and the actions on it. Refused files accumulate (one entry
 * each) until dismissed, so a student can read them after several batches.
 */
export function useUploads() {
  const worker = useWorker();
  const [snapshot, setSnapshot] = useState<UploadsSnapshot | null>(null);
  const [rejections, setRejections] = useState<UploadRejection[]>([]);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [lastAdded, setLastAdded] = useState<number | null>(null);
  const [error, setError] = useState<UserMessage | null>(null);
  const [repaired, setRepaired] = useState<Omit<RepairResult, 'snapshot'> | null>(null);

  useEffect(() => {
    if (!worker) return;
    let live = true;
    worker.uploads.list().then((s) => live && setSnapshot(s), (e) => live && setError(message(e)));
    return () => {
      live = false;
    };
  }, [worker]);

  /** Runs one worker action that returns the new snapshot; failures are shown, never thrown. */
  const act = useCallback(async (fn: () => Promise<UploadsSnapshot>) => {
    setError(null);
    try {
      setSnapshot(await fn());
    } catch (e) {
      setError(message(e));
    }
  }, []);

  const addFiles = useCallback(async (files: UploadFileInput[], target: UploadTarget) => {
    if (!worker || files.length === 0) return;
    setError(null);
    setLastAdded(null);
    setProgress({ done: 0, total: files.length });
    try {
      const result = await worker.uploads.addFiles(files, target, callback((done: number, total: number) => setProgress({ done, total })));
      setSnapshot(result.snapshot);
      setRejections((r) => [...r, ...result.rejections]);
      setLastAdded(result.added);
    } catch (e) {
      setError(message(e));
    } finally {
      setProgress(null);
    }
  }, [worker]);

  const addFrame = useCallback(async (frame: ImageBitmap, target: UploadTarget) => {
    if (!worker) return;
    // ImageBitmap is structured-cloneable; the worker closes its copy, we close ours.
    await act(() => worker.uploads.addFrame(frame, `webcam-${new Date().toISOString().replace(/[:.]/g, '-')}.jpg`, target));
    frame.close();
  }, [worker, act]);

  /** Deletes the damaged records the snapshot reports; readable images of a lost class get it back as `fallbackName`. */
  const removeDamaged = useCallback(async (fallbackName: string) => {
    if (!worker) return;
    setError(null);
    try {
      const { snapshot: next, ...summary } = await worker.uploads.removeDamaged(fallbackName);
      setSnapshot(next);
      setRepaired(summary);
    } catch (e) {
      setError(message(e));
    }
  }, [worker]);

  return {
    snapshot, rejections, progress, lastAdded, error, repaired,
    addFiles,
    addFrame,
    removeDamaged,
    dismissRejections: useCallback(() => setRejections([]), []),
    createClass: useCallback((name: string) => worker && act(() => worker.uploads.createClass(name)), [worker, act]),
    renameClass: useCallback((id: string, name: string) => worker && act(() => worker.uploads.renameClass(id, name)), [worker, act]),
    deleteClass: useCallback((id: string) => worker && act(() => worker.uploads.deleteClass(id)), [worker, act]),
    moveImage: useCallback((id: string, classId: string) => worker && act(() => worker.uploads.moveImage(id, classId)), [worker, act]),
    deleteImage: useCallback((id: string) => worker && act(() => worker.uploads.deleteImage(id)), [worker, act]),
  };
}

/** The hook's state and actions, for child components. */
export type UploadsState = ReturnType<typeof useUploads>;
