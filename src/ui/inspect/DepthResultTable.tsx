import type { DepthRun } from '../../engine/inspect/depthPresets';
import { useLocaleFormat } from '../i18n/format';
import { useMessages } from '../i18n/index';
import { inspectMessages } from '../i18n/inspect';

/** The depth experiment's numbers, one row per network, as measured. */
export function DepthResultTable({ runs }: { runs: readonly DepthRun[] }) {
  const t = useMessages(inspectMessages);
  const f = useLocaleFormat();
  return (
    <table className="depth-table" data-testid="depth-table">
      <thead>
        <tr>
          <th scope="col">{t('colNet')}</th>
          <th scope="col">{t('colParams')}</th>
          <th scope="col">{t('colError')}</th>
          <th scope="col">{t('colLoss')}</th>
          <th scope="col">{t('colTime')}</th>
        </tr>
      </thead>
      <tbody>
        {runs.map((r) => (
          <tr key={r.arch} data-arch={r.arch}>
            <th scope="row">{r.arch}</th>
            <td>{f.count(r.params)}</td>
            <td data-testid="depth-train-error" data-value={r.trainError}>
              {f.percent(r.trainError, 1)}
              {r.diverged && ` (${t('diverged')})`}
            </td>
            <td>{f.fixed(r.trainLoss, 3)}</td>
            <td>{f.fixed(r.seconds, 1)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
