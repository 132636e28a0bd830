import { useState } from 'react';
import { MOBILENET_CUT, MOBILENET_INPUT_RANGE, MOBILENET_URL, type BaseEntry, type BaseInfo, type BaseSource } from '../../engine/transfer/transferProtocol';
import { fill, useLocaleFormat } from '../i18n/format';
import { useMessages } from '../i18n/index';
import { transferMessages } from '../i18n/transfer';
import { useNames } from '../i18n/names';
import { siteUrl } from './useTransfer';

const ONLINE = '__online__';

/** Pixel ranges a downloaded model may expect (the engine feeds [0, 1]; others get a Rescaling layer). */
const RANGES = { '0,1': [0, 1], '-1,1': [-1, 1], '0,255': [0, 255] } as const satisfies Record<string, readonly [number, number]>;
type RangeKey = keyof typeof RANGES;
const rangeKey = (r: readonly [number, number]): RangeKey => (Object.keys(RANGES) as RangeKey[]).find((k) => RANGES[k][0] === r[0] && RANGES[k][1] === r[1]) ?? '0,1';
/** −1 with a real minus sign. */
const signed = (v: number) => (v < 0 ? `\u2212${-v}` : String(v));

interface Props {
  bases: readonly BaseEntry[];
  base: BaseInfo | null;
  disabled: boolean;
  onLoad: (source: BaseSource) => void;
}

/**
 * Choose a pretrained base: a shipped one (public/models, made by scripts/pretrain.ts) or, only when
 * the user asks, ImageNet MobileNet from its public URL (any tfjs layers model URL works).
 */
export function BasePicker({ bases, base, disabled, onLoad }: Props) {
  const t = useMessages(transferMessages);
  const f = useLocaleFormat();
  const names = useNames();
  const [choice, setChoice] = useState('');
  const [url, setUrl] = useState(MOBILENET_URL);
  const [cut, setCut] = useState(MOBILENET_CUT);
  const [timeoutS, setTimeoutS] = useState(30);
  const [range, setRange] = useState<RangeKey>(rangeKey(MOBILENET_INPUT_RANGE));
  const entry = bases.find((b) => b.id === (base?.id ?? choice));
  const load = () => {
    if (choice === ONLINE) {
      const title = url.trim().split('/').slice(-2, -1)[0] || url.trim();
      onLoad({ kind: 'url', url: url.trim(), title, cutAt: cut.trim(), timeoutMs: Math.max(1, timeoutS) * 1000, inputRange: [...RANGES[range]] });
    }
    else if (choice) onLoad({ kind: 'shipped', id: choice, modelsUrl: siteUrl('models') });
  };
  return (
    <div className="transfer-base">
      <div className="row">
        <label>
          {t('base')}
          <select data-testid="base-select" value={choice} disabled={disabled} onChange={(e) => setChoice(e.target.value)}>
            <option value="">{t('chooseBase')}</option>
            {bases.map((b) => (
              <option key={b.id} value={b.id}>
                {names.baseTitle(b.id, b.title)}
              </option>
            ))}
            <option value={ONLINE}>{t('onlineBase')}</option>
          </select>
        </label>
        <button type="button" data-testid="load-base" disabled={disabled || !choice} onClick={load}>
          {t('loadBase')}
        </button>
      </div>
      {choice === ONLINE && (
        <fieldset className="transfer-online">
          <p className="hint">{t('onlineNote')}</p>
          <label>
            {t('modelUrl')}
            <input data-testid="base-url" type="url" value={url} onChange={(e) => setUrl(e.target.value)} />
          </label>
          <div className="row">
            <label>
              {t('cutLayer')}
              <input data-testid="base-url-cut" value={cut} onChange={(e) => setCut(e.target.value)} />
            </label>
            <label>
              {t('inputRange')}
              <select data-testid="base-url-range" value={range} onChange={(e) => setRange(e.target.value in RANGES ? (e.target.value as RangeKey) : '0,1')}>
                <option value="0,1">{t('range01')}</option>
                <option value="-1,1">{t('rangeMinus11')}</option>
                <option value="0,255">{t('range0255')}</option>
              </select>
            </label>
            <label>
              {t('timeout')}
              <input data-testid="base-url-timeout" type="number" min={1} max={600} value={timeoutS} onChange={(e) => setTimeoutS(Number(e.target.value) || 30)} />
            </label>
          </div>
        </fieldset>
      )}
      {base && (
        <p data-testid="base-info">
          {fill(t('baseInfo'), { title: names.baseTitle(base.id, base.title), params: f.count(base.totalParams), input: base.inputShape.join('×') })}{' '}
          {entry && fill(t('baseAccuracy'), { acc: f.percent(entry.testAccuracy, 1), dataset: names.datasetId(entry.dataset) })}
        </p>
      )}
      {base && (base.inputRange[0] !== 0 || base.inputRange[1] !== 1) && (
        <p data-testid="base-input-range">{fill(t('baseRange'), { low: signed(base.inputRange[0]), high: signed(base.inputRange[1]), title: names.baseTitle(base.id, base.title) })}</p>
      )}
    </div>
  );
}
