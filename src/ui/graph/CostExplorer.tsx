import { useState } from 'react';
import { ArchError, bottleneckCost, COURSE_BOTTLENECK_EXAMPLE, type BottleneckAnswer, type BottleneckQuestion } from '../../arch/index';
import { useFormatNumber, useMessages } from '../i18n/index';
import { graphMessages, type GraphMessageKey } from '../i18n/graph';
import { CostBarsChart } from './CostBarsChart';
import './graph.css';

type Field = keyof BottleneckQuestion;

/** The inputs, their labels, test ids and upper bounds (the lower bound is 1). */
const FIELDS: readonly { field: Field; label: GraphMessageKey; testId: string; max: number }[] = [
  { field: 'height', label: 'costHeight', testId: 'cost-height', max: 4096 },
  { field: 'width', label: 'costWidth', testId: 'cost-width', max: 4096 },
  { field: 'channels', label: 'costChannels', testId: 'cost-channels', max: 8192 },
  { field: 'kernel', label: 'costKernel', testId: 'cost-kernel', max: 31 },
  { field: 'outChannels', label: 'costOut', testId: 'cost-out', max: 8192 },
  { field: 'bottleneck', label: 'costBottleneck', testId: 'cost-bottleneck', max: 8192 },
];

type Draft = Record<Field, string>;

function parse(draft: Draft): BottleneckQuestion | null {
  const q = {} as Record<Field, number>;
  for (const { field, max } of FIELDS) {
    const text = draft[field].trim();
    if (!/^\d+$/.test(text)) return null;
    const v = Number(text);
    if (v < 1 || v > max) return null;
    q[field] = v;
  }
  return q;
}

/** A few graph nodes' inference: cheap enough to run on every keystroke. */
function answerOf(question: BottleneckQuestion): BottleneckAnswer | null {
  try {
    return bottleneckCost(question);
  } catch (error) {
    if (error instanceof ArchError) return null;
    throw error;
  }
}

/**
 * The 1×1 convolution lesson as a calculator: multiplications of a k×k "same" convolution with and without
 * a 1×1 bottleneck, from `bottleneckCost` (the zoo's own MAC inference, not a second formula).
 */
export function CostExplorer() {
  const t = useMessages(graphMessages);
  const fmt = useFormatNumber();
  const [draft, setDraft] = useState<Draft>(() => {
    const d = {} as Draft;
    for (const { field } of FIELDS) d[field] = String(COURSE_BOTTLENECK_EXAMPLE[field]);
    return d;
  });
  const question = parse(draft);
  const answer = question ? answerOf(question) : null;

  return (
    <section className="panel cost-explorer" aria-labelledby="cost-heading" data-testid="cost-explorer">
      <h2 id="cost-heading">{t('costHeading')}</h2>
      <p>{t('costIntro')}</p>
      <div className="cost-inputs">
        {FIELDS.map(({ field, label, testId, max }) => (
          <label key={field}>
            {t(label)}
            <input
              type="number"
              inputMode="numeric"
              min={1}
              max={max}
              step={1}
              data-testid={testId}
              value={draft[field]}
              aria-invalid={question === null && !/^\d+$/.test(draft[field].trim()) ? true : undefined}
              onChange={(e) => setDraft((d) => ({ ...d, [field]: e.target.value }))}
            />
          </label>
        ))}
      </div>
      {answer ? (
        <>
          <CostBarsChart
            direct={answer.direct}
            reduce={answer.reduce}
            conv={answer.conv}
            fmt={fmt}
            labels={{ direct: t('costDirect'), with: t('costWith'), reduce: t('costReduce'), conv: t('costConv'), chart: t('costChart') }}
          />
          <dl className="totals cost-totals">
            <div>
              <dt>{t('costDirect')}</dt>
              <dd data-testid="cost-direct">{fmt(answer.direct)}</dd>
            </div>
            <div>
              <dt>{t('costWith')}</dt>
              <dd data-testid="cost-with">{fmt(answer.withBottleneck)}</dd>
            </div>
            <div>
              <dt>{t('costSaving')}</dt>
              <dd data-testid="cost-saving">{answer.saving.toFixed(1)}×</dd>
            </div>
          </dl>
          <p className="cost-breakdown" data-testid="cost-breakdown">
            {t('costReduce')} {fmt(answer.reduce)} + {t('costConv')} {fmt(answer.conv)} = {fmt(answer.withBottleneck)} {t('costMultiplications')};{' '}
            {answer.saving.toFixed(1)}× {t('costFewer')}
          </p>
        </>
      ) : (
        <p className="error" role="alert" data-testid="cost-invalid">
          {t('costInvalid')}
        </p>
      )}
    </section>
  );
}
