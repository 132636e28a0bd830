import type { PcaInfo } from '../../engine/uploads/uploadsProtocol';
import { fill } from '../i18n/format';
import { useMessages } from '../i18n/index';
import { uploadsMessages } from '../i18n/uploads';
import { uploadsBatchMessages } from '../i18n/uploadsBatch';
import { useDatasetLabel } from './useDatasetLabel';

const toByte = (v: number) => Math.round(Math.min(1, Math.max(0, v)) * 255);
const rgb = (c: readonly number[]) => `rgb(${toByte(c[0])}, ${toByte(c[1])}, ${toByte(c[2])})`;

/**
 * The eigenvalues λ and eigenvectors p of the training set's RGB covariance, with swatches of the mean
 * colour moved ±3 standard deviations (3√λ) along each component: what PCA colour augmentation varies.
 */
export function PcaComponents({ info }: { info: PcaInfo }) {
  const t = useMessages(uploadsMessages);
  const tb = useMessages(uploadsBatchMessages);
  const datasetLabel = useDatasetLabel();
  if (!info.stats) return <p className="muted" data-testid="pca-greyscale">{t('pcaGreyscale')}</p>;
  const { mean, eigenvalues, eigenvectors } = info.stats;
  return (
    <div>
      {info.reason === 'grey-network' && <p className="not-applied small-text" data-testid="pca-grey-network">{tb('pcaGreyNetwork')}</p>}
      <p className="muted small-text">{t('pcaExplain')} {fill(t('pcaOver'), { n: info.images, dataset: datasetLabel(info.datasetId, info.datasetName) })}</p>
      <table className="pca-table" data-testid="pca-table">
        <thead>
          <tr>
            <th>{t('pcaComponent')}</th>
            <th className="num">{t('eigenvalue')}</th>
            <th>{t('eigenvector')}</th>
            <th>{t('pcaSwatches')}</th>
          </tr>
        </thead>
        <tbody>
          {[0, 1, 2].map((j) => {
            const p = [eigenvectors[0][j], eigenvectors[1][j], eigenvectors[2][j]];
            const s = 3 * Math.sqrt(eigenvalues[j]);
            return (
              <tr key={j}>
                <td>p{j + 1}</td>
                <td className="num" data-testid="pca-eigenvalue">{eigenvalues[j].toExponential(3)}</td>
                <td>({p.map((v) => v.toFixed(3)).join(', ')})</td>
                <td>
                  <span className="pca-swatch" style={{ background: rgb(mean.map((m, k) => m - s * p[k])) }} />{' '}
                  <span className="pca-swatch" style={{ background: rgb(mean) }} />{' '}
                  <span className="pca-swatch" style={{ background: rgb(mean.map((m, k) => m + s * p[k])) }} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
