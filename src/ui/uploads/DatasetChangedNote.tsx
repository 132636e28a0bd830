import { useContext, useEffect, useState } from 'react';
import { callback } from '../../engine/client';
import type { DatasetInfo } from '../../engine/protocol';
import type { UploadsEvent } from '../../engine/uploads/uploadsProtocol';
import { useWorker } from '../engineContext';
import { fill } from '../i18n/format';
import { LangContext, useMessages } from '../i18n/index';
import { uploadsBatchMessages } from '../i18n/uploadsBatch';

type ClassCounts = UploadsEvent['classes'];

/**
 * Under a model trained on "Your images": says when a class it was trained on has since been deleted,
 * renamed or emptied (here or in another tab), so Evaluate and Predict are not read as current. Shows
 * nothing for bundled datasets or while the trained classes all still exist.
 */
export function DatasetChangedNote({ dataset }: { dataset: DatasetInfo | null }) {
  const t = useMessages(uploadsBatchMessages);
  const lang = useContext(LangContext);
  const worker = useWorker();
  const [classes, setClasses] = useState<ClassCounts | null>(null);
  const watching = dataset?.id === 'uploads';
  useEffect(() => {
    if (!worker || !watching) return;
    let live = true;
    let subscription: number | null = null;
    void worker.uploads.list().then((s) => live && setClasses(s.classes.map(({ id, name, count }) => ({ id, name, count }))));
    void worker.uploads.subscribe(callback((e: UploadsEvent) => live && setClasses(e.classes))).then((id) => {
      if (live) subscription = id;
      else void worker.uploads.unsubscribe(id);
    });
    return () => {
      live = false;
      if (subscription !== null) void worker.uploads.unsubscribe(subscription);
    };
  }, [worker, watching]);
  if (!watching || !dataset || !classes) return null;
  const missing = dataset.classNames.filter((name) => !classes.some((c) => c.name === name && c.count > 0));
  if (missing.length === 0) return null;
  const list = missing.map((name) => fill(t('changedMissing'), { name })).join(lang === 'ja' ? '、' : '; ');
  return <p className="notice dataset-changed" role="status" data-testid="dataset-changed">{fill(t('datasetChanged'), { list })}</p>;
}
