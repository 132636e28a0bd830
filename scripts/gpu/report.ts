/** The GPU harness's table and its comparison with PyTorch. Pure. */
import type { GpuReport, GpuRun, TorchComparison } from './schema';

/** What scripts/gpu-reference/torch_bench.py writes (the part we read). */
export interface TorchReport {
  device: string;
  runs: { model: string; batch: number; examplesPerSec: number }[];
}

/** tfjs-WebGPU (pipelined) ÷ PyTorch examples/s per model and batch both measured. */
export function compareWithTorch(runs: readonly GpuRun[], torch: TorchReport): TorchComparison {
  const ratios: Record<string, number> = {};
  for (const r of runs) {
    const ref = torch.runs.find((t) => t.model === r.model && t.batch === r.batch);
    if (ref && r.pipelined && ref.examplesPerSec > 0) ratios[`${r.model}/${r.batch}`] = r.pipelined.examplesPerSec / ref.examplesPerSec;
  }
  return { device: torch.device, ratios };
}

const f = (n: number | null | undefined, digits = 1): string => (n === null || n === undefined ? '–' : n.toFixed(digits));

/** The report as text. */
export function formatGpuReport(r: GpuReport): string {
  const a = r.adapter;
  const lines = [
    `adapter: ${[a.vendor, a.architecture, a.device, a.description].filter(Boolean).join(' · ')}${a.software ? ' (SOFTWARE Vulkan: CPU figures, not GPU ones)' : ''}`,
    `check (LeNet-5, batch ${r.check.batch}, ${r.check.steps} steps, cpu vs webgpu): ${r.check.pass ? 'pass' : 'FAIL'} — loss ${f(r.check.gpuLosses[0], 4)} → ${f(r.check.gpuLosses.at(-1), 4)}, max |Δ| ${r.check.maxAbsDiff.toExponential(2)}`,
    '',
    'model          batch   sync ex/s  ms/step (dispatch + wait)   pipelined ex/s  GPU busy after step  loss after  GFLOP/s',
  ];
  for (const run of r.runs) {
    if (run.status !== 'ok') {
      lines.push(`${run.model.padEnd(14)} ${String(run.batch).padStart(5)}   ${run.status}: ${run.error}`);
      continue;
    }
    const s = run.sync!;
    const p = run.pipelined!;
    lines.push(
      `${run.model.padEnd(14)} ${String(run.batch).padStart(5)} ${f(s.examplesPerSec).padStart(11)}  ${`${f(s.msPerStep)} (${f(s.dispatchMs)} + ${f(s.waitMs)})`.padEnd(26)} ${f(p.examplesPerSec).padStart(15)}  ${`${Math.round(100 * p.gpuBusyAfterStep)}%`.padStart(19)}  ${f(run.lossAfter, 4).padStart(10)}  ${f((run.trainFlops ?? 0) / 1e9, 2).padStart(7)}`,
    );
  }
  if (r.torch) {
    lines.push('', `PyTorch on ${r.torch.device}: tfjs-WebGPU ÷ PyTorch`);
    for (const [k, v] of Object.entries(r.torch.ratios)) lines.push(`  ${k.padEnd(20)} ${v.toFixed(3)}`);
  }
  lines.push('', r.pass ? 'bench:gpu: pass' : 'bench:gpu: FAIL');
  return lines.join('\n');
}
