import type { BackendStatus } from '../engine/protocol';
import type { BackendChoice, DatasetId, ExperimentState, OptimizerName } from './experiment';

interface Props {
  state: ExperimentState;
  update: (patch: Partial<ExperimentState>) => void;
  backend: BackendStatus | null;
  disabled: boolean;
}

/** Dataset, compile (optimizer, learning rate, loss) and fit (epochs, batch, split, shuffle, seed) settings. */
export function TrainSettings({ state, update, backend, disabled }: Props) {
  const num = (v: string, fallback: number) => (Number.isFinite(Number(v)) && v.trim() !== '' ? Number(v) : fallback);
  return (
    <div className="grid-2">
      <label>
        Dataset
        <select data-testid="dataset-select" value={state.dataset} disabled={disabled} onChange={(e) => update({ dataset: e.target.value as DatasetId })}>
          <option value="mnist">MNIST (digits)</option>
          <option value="fashion-mnist">Fashion-MNIST (clothes)</option>
          <option value="shapes">Colour shapes (generated, RGB)</option>
        </select>
      </label>
      <label>
        Backend
        <select data-testid="backend-select" value={state.backend} disabled={disabled} onChange={(e) => update({ backend: e.target.value as BackendChoice })}>
          <option value="auto">Automatic</option>
          {(backend?.available ?? ['webgpu', 'webgl', 'wasm', 'cpu']).map((b) => (
            <option key={b} value={b}>
              {b}
            </option>
          ))}
        </select>
      </label>
      <label>
        Optimizer
        <select data-testid="optimizer-select" value={state.optimizer} disabled={disabled} onChange={(e) => update({ optimizer: e.target.value as OptimizerName })}>
          <option value="adam">Adam</option>
          <option value="sgd">SGD with momentum</option>
          <option value="rmsprop">RMSprop</option>
        </select>
      </label>
      <label>
        Learning rate
        <input data-testid="lr-input" type="number" step="any" min={1e-7} value={state.learningRate} disabled={disabled} onChange={(e) => update({ learningRate: num(e.target.value, state.learningRate) })} />
      </label>
      {state.optimizer !== 'adam' && (
        <label>
          Momentum
          <input type="number" step={0.05} min={0} max={0.999} value={state.momentum} disabled={disabled} onChange={(e) => update({ momentum: num(e.target.value, state.momentum) })} />
        </label>
      )}
      <label>
        Loss
        <select disabled value="cce" aria-label="Loss">
          <option value="cce">Categorical cross-entropy</option>
        </select>
      </label>
      <label>
        Epochs
        <input data-testid="epochs-input" type="number" min={1} max={200} value={state.epochs} disabled={disabled} onChange={(e) => update({ epochs: Math.max(1, Math.round(num(e.target.value, state.epochs))) })} />
      </label>
      <label>
        Batch size
        <input data-testid="batch-input" type="number" min={1} max={1024} value={state.batchSize} disabled={disabled} onChange={(e) => update({ batchSize: Math.max(1, Math.round(num(e.target.value, state.batchSize))) })} />
      </label>
      <label>
        Validation split
        <input type="number" min={0} max={0.5} step={0.05} value={state.validationSplit} disabled={disabled} onChange={(e) => update({ validationSplit: Math.min(0.5, Math.max(0, num(e.target.value, state.validationSplit))) })} />
      </label>
      <label>
        Training examples (0 = all)
        <input data-testid="limit-input" type="number" min={0} step={100} value={state.trainLimit} disabled={disabled} onChange={(e) => update({ trainLimit: Math.max(0, Math.round(num(e.target.value, state.trainLimit))) })} />
      </label>
      <label>
        Seed
        <input type="number" min={0} value={state.seed} disabled={disabled} onChange={(e) => update({ seed: Math.max(0, Math.round(num(e.target.value, state.seed))) })} />
      </label>
      <label className="check">
        <input type="checkbox" checked={state.shuffle} disabled={disabled} onChange={(e) => update({ shuffle: e.target.checked })} />
        Shuffle each epoch
      </label>
    </div>
  );
}
