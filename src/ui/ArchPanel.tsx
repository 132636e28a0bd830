import { ARCH_IDS, defaultInputOf, ZOO, zooEntry, type ArchFamily } from '../arch/index';
import { useHidden } from './classroom/useHidden';
import type { ExperimentState } from './experiment';
import type { MessageKey } from './i18n/en';
import { useMessages, APP_MESSAGES } from './i18n/index';
import { trainingMessages } from './i18n/training';
import { useNames } from './i18n/names';

import { useRenderCount } from './renderCount';
import { useTrainingView } from './trainingContext';
import { isBusy } from './useTrainingEngine';

interface Props {
  state: ExperimentState;
  update: (patch: Partial<ExperimentState>) => void;
}

const FAMILY_LABEL: Record<ArchFamily, MessageKey> = {
  lenet: 'familyLenet',
  alexnet: 'familyAlexnet',
  vgg: 'familyVgg',
  resnet: 'familyResnet',
  'cifar-resnet': 'familyCifarResnet',
  plain: 'familyPlain',
  googlenet: 'familyGooglenet',
};

function parseInput(text: string): readonly [number, number, number] | null | undefined {
  if (text.trim() === '') return null;
  const p = text.split(/[,x×]/).map((d) => d.trim());
  if (p.length !== 3 || !p.every((d) => /^\d{1,4}$/.test(d) && +d >= 1)) return undefined;
  return [+p[0], +p[1], +p[2]];
}

/**
 * The architecture picker and its options (variant, input, classes, width, groups, top, biases, aux).
 * A teacher's link can hide any of them (`?arch_hide=1`, see classroom/hiddenControls.ts).
 */
export function ArchPanel({ state, update }: Props) {
  const t = useMessages(APP_MESSAGES);
  const tt = useMessages(trainingMessages);
  const names = useNames();
  // While a run holds the model, the network it trains cannot change under it.
  useRenderCount('ArchPanel');
  const locked = useTrainingView((v) => isBusy(v.phase));
  const entry = zooEntry(state.arch);
  const families = [...new Set(ARCH_IDS.flatMap((id) => ZOO.get(id)?.family ?? []))];
  const hide = {
    arch: useHidden('arch'), variant: useHidden('variant'), input: useHidden('input'), classes: useHidden('classes'), width: useHidden('width'),
    groups: useHidden('groups'), notop: useHidden('notop'), convbias: useHidden('convbias'), aux: useHidden('aux'),
  };
  return (
    <section className="panel arch-panel" aria-labelledby="arch-heading">
      <h2 id="arch-heading">{t('network')}</h2>
      {locked && (
        <p className="hint" role="status" data-testid="arch-locked">
          {tt('archLocked')}
        </p>
      )}
      <fieldset className="bare" disabled={locked}>
      {!hide.arch && <label>
        {t('architecture')}
        <select
          data-testid="arch-select"
          value={state.arch}
          onChange={(e) => update({ arch: e.target.value, variant: '', groups: 1, aux: false, convBias: null, input: null, classes: null })}
        >
          {families.map((family) => (
            <optgroup key={family} label={t(FAMILY_LABEL[family])}>
              {ARCH_IDS.filter((id) => ZOO.get(id)?.family === family).map((id) => (
                <option key={id} value={id}>
                  {ZOO.get(id)?.title ?? id}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>}
      {entry.variants.length > 0 && !hide.variant && (
        <label>
          {t('variant')}
          <select data-testid="variant-select" value={state.variant || entry.variants[0]} onChange={(e) => update({ variant: e.target.value === entry.variants[0] ? '' : e.target.value })}>
            {entry.variants.map((v) => (
              <option key={v} value={v}>
                {names.variant(v)}
              </option>
            ))}
          </select>
        </label>
      )}
      {!hide.input && <label>
        {t('inputShape')}
        <input
          data-testid="input-shape"
          key={`${state.arch}-${state.input?.join(',') ?? ''}`}
          defaultValue={state.input ? state.input.join(',') : ''}
          placeholder={defaultInputOf(entry, state.variant).join(',')}
          onBlur={(e) => {
            const v = parseInput(e.target.value);
            if (v !== undefined) update({ input: v });
            else e.target.setCustomValidity('H,W,C');
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
          }}
        />
      </label>}
      {!hide.classes && <label>
        {t('classes')}
        <input
          type="number"
          min={1}
          max={10000}
          data-testid="classes-input"
          placeholder={String(entry.defaultClasses)}
          value={state.classes ?? ''}
          onChange={(e) => {
            const v = e.target.value === '' ? null : Math.round(Number(e.target.value));
            if (v === null || (v >= 1 && v <= 10000)) update({ classes: v });
          }}
        />
      </label>}
      {!hide.width && <label>
        {t('widthMultiplier')}: <output>{state.width}</output>
        <input
          type="range"
          min={0.125}
          max={1}
          step={0.125}
          data-testid="width-input"
          value={Math.min(1, state.width)}
          onChange={(e) => update({ width: Number(e.target.value) })}
        />
      </label>}
      {entry.flags.groups && !hide.groups && (
        <label>
          {t('groups')}
          <select data-testid="groups-select" value={state.groups} onChange={(e) => update({ groups: Number(e.target.value) })}>
            <option value={1}>1</option>
            <option value={2}>2</option>
          </select>
        </label>
      )}
      {!hide.notop && <label className="check">
        <input type="checkbox" data-testid="notop-check" checked={state.noTop} onChange={(e) => update({ noTop: e.target.checked })} />
        {t('noTop')}
      </label>}
      {entry.flags.convBias && !hide.convbias && (
        <label className="check">
          <input
            type="checkbox"
            data-testid="convbias-check"
            checked={state.convBias ?? entry.defaultConvBias}
            onChange={(e) => update({ convBias: e.target.checked === entry.defaultConvBias ? null : e.target.checked })}
          />
          {t('convBias')}
        </label>
      )}
      {entry.flags.aux && !hide.aux && (
        <label className="check">
          <input type="checkbox" data-testid="aux-check" checked={state.aux} onChange={(e) => update({ aux: e.target.checked })} />
          {t('aux')}
        </label>
      )}
      </fieldset>
    </section>
  );
}
