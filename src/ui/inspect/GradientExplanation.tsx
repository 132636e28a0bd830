import type { DepthExperimentResult } from '../../engine/inspect/depthPresets';
import { gradientStory } from '../../views/inspect/gradientStory';
import { fill } from '../i18n/format';
import { useMessages } from '../i18n/index';
import { inspectMessages } from '../i18n/inspect';

const num = (v: number) => (Number.isFinite(v) ? v.toPrecision(3) : '–');

/**
 * What the measured gradient norms mean, in words that fit the numbers: when the deep plain net's
 * input-side gradient is the smaller one, that is the textbook picture; when it is not, the honest
 * explanation — with batch norm the gradients do not vanish (He et al. checked this too), the deep plain
 * net is hard to optimise for another reason.
 */
export function GradientExplanation({ norms }: { norms: DepthExperimentResult['gradientNorms'] }) {
  const t = useMessages(inspectMessages);
  const s = gradientStory(norms.plain, norms.residual);
  const values = { depth: norms.depth, plain: num(s.plainInput), residual: num(s.residualInput), plainRatio: num(s.plainRatio), residualRatio: num(s.residualRatio) };
  return (
    <p className="hint" data-testid="gradient-explanation" data-plain-shrinks={s.plainShrinks ? 'true' : 'false'}>
      {fill(t(s.plainShrinks ? 'gradientsShrink' : 'gradientsHealthy'), values)}
      {norms.residualAtKerasInit && <> {t('gradientsKerasInit')}</>}
    </p>
  );
}
