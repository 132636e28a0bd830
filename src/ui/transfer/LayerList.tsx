import type { LayerRow } from '../../engine/transfer/transferProtocol';
import { useLocaleFormat } from '../i18n/format';
import { useMessages } from '../i18n/index';
import { transferMessages } from '../i18n/transfer';

/** The transfer model's layers, frozen ones greyed, the new head marked; parameters as inferred from the graph. */
export function LayerList({ layers }: { layers: readonly LayerRow[] }) {
  const t = useMessages(transferMessages);
  const f = useLocaleFormat();
  return (
    <div className="table-scroll transfer-layers" tabIndex={0} aria-label={t('layers')}>
      <table data-testid="transfer-layers">
        <thead>
          <tr>
            <th scope="col">{t('layerName')}</th>
            <th scope="col">{t('layerKind')}</th>
            <th scope="col">{t('layerShape')}</th>
            <th scope="col" className="num">{t('layerParams')}</th>
            <th scope="col">{t('layerState')}</th>
          </tr>
        </thead>
        <tbody>
          {layers.map((l) => {
            const state = l.unit === null ? (l.kind === 'input' ? '' : t('newHead')) : l.frozen ? t('frozen') : t('trains');
            return (
              <tr key={l.name} data-frozen={l.frozen ? 'true' : 'false'} className={l.frozen ? 'frozen' : l.unit === null && l.kind !== 'input' ? 'head' : undefined}>
                <td>{l.name}</td>
                <td className="type">{l.kind}</td>
                <td>{l.outputShape.join('×')}</td>
                <td className="num">{f.count(l.params)}</td>
                <td>{state}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
