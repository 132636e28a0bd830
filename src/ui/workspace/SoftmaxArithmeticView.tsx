import { useWorker } from '../engineContext';
import { fill, useLocaleFormat } from '../i18n/format';
import { useMessages } from '../i18n/index';
import { workspaceMessages } from '../i18n/workspace';
import { useThrottledFetch } from '../inspect/useThrottledFetch';
import { useNames } from '../i18n/names';

const DIGITS = 6;

interface Props {
  layer: string;
  testIndex: number;
  /** The dataset's id and class names, in the output's order. */
  datasetId: string;
  classNames: readonly string[];
  /** Changes when the weights change (training): the arithmetic is fetched again. */
  refresh: string;
}

/**
 * The softmax on the user's own network (CNN Explainer's last step): every class's logit, e^(z − max z),
 * their sum and the probability, with the live weights, beside the network's own output for the image.
 */
export function SoftmaxArithmeticView({ layer, testIndex, datasetId, classNames, refresh }: Props) {
  const t = useMessages(workspaceMessages);
  const names = useNames();
  const f = useLocaleFormat();
  const { say } = t;
  const inspect = useWorker()?.inspect ?? null;
  const key = inspect ? `${refresh}|${layer}|${testIndex}` : null;
  const fetched = useThrottledFetch(key, () => (inspect ? inspect.softmaxArithmetic({ layer, image: { testIndex } }) : Promise.reject(new Error('no worker'))), 500);
  const a = fetched.data && fetched.data.layer === layer ? fetched.data : null;
  const n = (v: number) => f.fixed(v, DIGITS);
  const total = a ? a.probabilities.reduce((s, p) => s + p, 0) : 0;
  const diff = a ? Math.max(...a.probabilities.map((p, j) => Math.abs(p - a.forward[j]))) : 0;
  return (
    <div className="cell-explain" data-testid="softmax-arithmetic" data-total={a ? total : undefined} data-max-diff={a ? diff : undefined}>
      <h3>{fill(t('softmaxHeading'), { layer })}</h3>
      {fetched.error && (
        <p className="error" role="alert">
          {say(fetched.error)}
        </p>
      )}
      {a && (
        <>
          <p>{fill(t('softmaxHow'), { n: f.count(a.inputs) })}</p>
          <table className="softmax-table">
            <thead>
              <tr>
                <th scope="col">{t('softmaxClass')}</th>
                <th scope="col">z</th>
                <th scope="col">{fill(t('softmaxExp'), { max: f.fixed(a.max, 3) })}</th>
                <th scope="col">p</th>
              </tr>
            </thead>
            <tbody>
              {a.logits.map((z, j) => (
                <tr key={j} data-testid="softmax-row" data-p={a.probabilities[j]} data-forward={a.forward[j]}>
                  <th scope="row">{names.className(datasetId, classNames[j] ?? String(j))}</th>
                  <td>{n(z)}</td>
                  <td>{n(a.exps[j])}</td>
                  <td>{n(a.probabilities[j])}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>{fill(t('softmaxSum'), { sum: n(a.sumExp), total: n(total) })}</p>
          <p>{fill(t('softmaxForward'), { diff: diff.toExponential(1) })}</p>
        </>
      )}
    </div>
  );
}
