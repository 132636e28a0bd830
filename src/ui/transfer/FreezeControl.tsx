import type { FreezeMode, TransferFitResult, TransferState } from '../../engine/transfer/transferProtocol';
import { fill, useLocaleFormat } from '../i18n/format';
import { useMessages } from '../i18n/index';
import { transferMessages } from '../i18n/transfer';

interface Props {
  installed: TransferState;
  /** Whether any augmentation is switched on (then the feature cache cannot be used). */
  augmenting: boolean;
  /** How the last fit went with the cache; undefined before any fit. */
  cache: TransferFitResult['cache'] | undefined;
  disabled: boolean;
  onChange: (mode: FreezeMode) => void;
}

const encode = (m: FreezeMode) => (m.kind === 'last' ? `last:${m.k}` : m.kind);
function decode(value: string): FreezeMode {
  if (value === 'all') return { kind: 'all' };
  const k = /^last:(\d+)$/.exec(value);
  return k ? { kind: 'last', k: Number(k[1]) } : { kind: 'head' };
}

/**
 * What trains: the new head only, the last k units of the base (a block or a weighted layer each) as
 * well, or everything. The count is tfjs' own (countParams in the worker, after freezing).
 */
export function FreezeControl({ installed, augmenting, cache, disabled, onChange }: Props) {
  const t = useMessages(transferMessages);
  const f = useLocaleFormat();
  const units = installed.units;
  return (
    <div className="transfer-freeze">
      <label>
        {t('freeze')}
        <select data-testid="freeze-control" value={encode(installed.mode)} disabled={disabled} onChange={(e) => onChange(decode(e.target.value))}>
          <option value="head">{t('freezeHead')}</option>
          {units.slice(0, -1).map((_, i) => {
            const k = i + 1;
            return (
              <option key={k} value={`last:${k}`}>
                {fill(t('freezeLast'), { k, n: units.length, unit: units.slice(-k).map((u) => u.id).join(', ') })}
              </option>
            );
          })}
          <option value="all">{t('freezeAll')}</option>
        </select>
      </label>
      <p className="metrics">
        <span>
          {t('trainable')} <b data-testid="trainable-params">{f.count(installed.params.trainable)}</b> {fill(t('ofTotal'), { total: f.count(installed.params.total) })}
        </span>
      </p>
      {installed.cacheEligible && !augmenting && (
        <p className="transfer-cache" data-testid="feature-cache-note" role="status">
          {fill(t('cacheOn'), { size: f.count(installed.featureSize) })}
          {cache && <> {fill(t('cacheUsed'), { images: f.count(cache.images), ms: f.count(Math.round(cache.ms)) })}</>}
        </p>
      )}
      {installed.cacheEligible && augmenting && <p className="hint">{t('cacheOffAugment')}</p>}
    </div>
  );
}
