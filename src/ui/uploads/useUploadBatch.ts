import { useCallback, useRef, useState } from 'react';
import { callback, type WorkerClient } from '../../engine/client';
import type { AddResult, BatchChoice, BatchPreview, UploadFileInput, UploadTarget } from '../../engine/uploads/uploadsProtocol';
import { toUserMessage, type UserMessage } from '../../messages/index';
import { storageFree } from './storageEstimate';

/** Files handed to the worker per call: one structured clone of ~100 Files stays well under 50 ms. */
export const STAGE_CHUNK = 100;
/** Progress is painted at most this often. */
const PROGRESS_MS = 100;

/** Where a batch is: handing files over, reading folders and zips, waiting for the preview's answer, adding. */
export type BatchPhase = 'staging' | 'reading' | 'preview' | 'adding';

/** The batch in flight; null when none is. */
export interface BatchState {
  phase: BatchPhase;
  done: number;
  total: number;
  preview: BatchPreview | null;
  target: UploadTarget;
}

/** One batch's identity: progress reports for another (or a settled) batch are ignored. */
interface Owner {
  token: number | null;
  settled: boolean;
}

/**
 * One owner of "busy": a batch holds it from the pick to its result, and progress that arrives after
 * the batch settled (it travels on the callback's own MessagePort, so it can overtake or trail the
 * result) is ignored, so the panel can never stay stuck at "n / n". A second pick while a batch is in
 * flight is refused with `busyRefused` set (the UI says so) instead of racing it.
 */
export function useUploadBatch(worker: WorkerClient | null, onResult: (result: AddResult) => void, onError: (e: UserMessage) => void) {
  const [batch, setBatch] = useState<BatchState | null>(null);
  const [busyRefused, setBusyRefused] = useState(false);
  const owner = useRef<Owner | null>(null);

  const settle = useCallback((mine: Owner) => {
    mine.settled = true;
    if (owner.current === mine) {
      owner.current = null;
      setBatch(null);
    }
  }, []);

  /** The latest progress, painted at most once per PROGRESS_MS (a report per file would re-render the panel 2,000 times). */
  const latest = useRef<{ phase: BatchPhase; done: number; total: number } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const report = useCallback((mine: Owner, phase: BatchPhase) => (done: number, total: number) => {
    if (owner.current !== mine || mine.settled) return;
    latest.current = { phase, done, total };
    timer.current ??= setTimeout(() => {
      timer.current = null;
      const p = latest.current;
      if (p && owner.current === mine && !mine.settled) setBatch((b) => (b ? { ...b, ...p } : b));
    }, PROGRESS_MS);
  }, []);

  const commit = useCallback(async (mine: Owner, choice: BatchChoice, target: UploadTarget) => {
    try {
      if (!worker || mine.token === null) return;
      latest.current = null;
      setBatch((b) => (b ? { ...b, phase: 'adding', done: 0, preview: null } : b));
      const free = await storageFree();
      const result = await worker.uploads.commitBatch(mine.token, choice, target, free, callback(report(mine, 'adding')));
      onResult(result);
    } catch (e) {
      onError(toUserMessage(e));
    } finally {
      settle(mine);
    }
  }, [worker, report, settle, onResult, onError]);

  /** Stages `files` in chunks, scans them, and adds them at once when no preview is needed. */
  const start = useCallback(async (files: UploadFileInput[], target: UploadTarget) => {
    if (!worker || files.length === 0) return;
    if (owner.current) {
      setBusyRefused(true);
      return;
    }
    setBusyRefused(false);
    const mine: Owner = { token: null, settled: false };
    owner.current = mine;
    setBatch({ phase: 'staging', done: 0, total: files.length, preview: null, target });
    try {
      mine.token = await worker.uploads.beginBatch();
      for (let i = 0; i < files.length; i += STAGE_CHUNK) {
        await worker.uploads.stageFiles(mine.token, files.slice(i, i + STAGE_CHUNK));
        report(mine, 'staging')(Math.min(files.length, i + STAGE_CHUNK), files.length);
      }
      const preview = await worker.uploads.scanBatch(mine.token, callback(report(mine, 'reading')));
      if (!preview.needsPreview) await commit(mine, { kind: preview.plan.recommended, decisions: {} }, target);
      else if (owner.current === mine) setBatch({ phase: 'preview', done: 0, total: preview.files, preview, target });
    } catch (e) {
      onError(toUserMessage(e));
      settle(mine);
    }
  }, [worker, report, commit, settle, onError]);

  /** The preview's answer: add with this choice (into `target`, the class chosen for single images now). */
  const confirm = useCallback((choice: BatchChoice, target: UploadTarget) => {
    const mine = owner.current;
    if (mine && !mine.settled) void commit(mine, choice, target);
  }, [commit]);

  const cancel = useCallback(() => {
    const mine = owner.current;
    if (!mine) return;
    if (worker && mine.token !== null) void worker.uploads.cancelBatch(mine.token);
    settle(mine);
  }, [worker, settle]);

  return { batch, busy: batch !== null, busyRefused, start, confirm, cancel };
}
