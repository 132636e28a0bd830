import { scaleLinear } from 'd3-scale';
import type { EvaluateResult } from '../engine/protocol';

/** Test loss and accuracy, per-class accuracy, and the confusion matrix as an accessible table. */
export function EvaluationPanel({ result }: { result: EvaluateResult }) {
  const max = Math.max(1, ...result.confusion.flat());
  const shade = scaleLinear<string>().domain([0, max]).range(['#ffffff', '#1f6feb']);
  return (
    <div className="evaluation">
      <p className="metrics">
        <span>
          Test accuracy: <b data-testid="test-accuracy">{(result.accuracy * 100).toFixed(2)}%</b>
        </span>
        <span>
          Test loss: <b data-testid="test-loss">{result.loss.toFixed(4)}</b>
        </span>
        <span>on {result.count.toLocaleString('en-US')} test images</span>
      </p>
      <div className="table-scroll" tabIndex={0} aria-label="Confusion matrix">
        <table className="confusion" data-testid="confusion-matrix">
          <caption>Confusion matrix: rows are the true class, columns the predicted class; last column the per-class accuracy.</caption>
          <thead>
            <tr>
              <th scope="col">true \ predicted</th>
              {result.classNames.map((n, i) => (
                <th key={i} scope="col" title={n}>
                  {n.length > 8 ? `${n.slice(0, 7)}…` : n}
                </th>
              ))}
              <th scope="col">accuracy</th>
            </tr>
          </thead>
          <tbody>
            {result.confusion.map((row, r) => (
              <tr key={r}>
                <th scope="row">{result.classNames[r]}</th>
                {row.map((v, c) => (
                  <td key={c} style={{ background: shade(v), color: v > max * 0.55 ? '#fff' : undefined }}>
                    {v}
                  </td>
                ))}
                <td data-testid="class-accuracy">{(result.perClassAccuracy[r] * 100).toFixed(1)}%</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
