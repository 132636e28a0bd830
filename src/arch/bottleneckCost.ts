import { GraphBuilder } from './graphBuilder';
import { inferGraph } from './inferGraph';
import { conv } from './layers';

/** The 1×1-bottleneck lesson's inputs: an H×W×C map convolved k×k ("same") to `outChannels`. */
export interface BottleneckQuestion {
  height: number;
  width: number;
  channels: number;
  kernel: number;
  outChannels: number;
  /** Channels of the 1×1 bottleneck placed before the k×k convolution. */
  bottleneck: number;
}

/** Multiplications with and without the bottleneck, computed by the same MAC inference as the zoo. */
export interface BottleneckAnswer {
  direct: number;
  reduce: number;
  conv: number;
  withBottleneck: number;
  /** direct / withBottleneck. */
  saving: number;
}

/**
 * The course's example: 28×28×192 → 5×5 same conv to 32 = 120,422,400 multiplications; through a 1×1
 * bottleneck of 16: 2,408,448 + 10,035,200 = 12,443,648 (about 10× fewer).
 * @throws ArchError for impossible sizes.
 */
export function bottleneckCost(q: BottleneckQuestion): BottleneckAnswer {
  const b = new GraphBuilder('bottleneck-lesson');
  const x = b.input([q.height, q.width, q.channels]);
  b.add('direct', conv(q.outChannels, q.kernel, { padding: 'same', useBias: false }), [x]);
  const r = b.add('reduce', conv(q.bottleneck, 1, { useBias: false }), [x]);
  b.add('conv', conv(q.outChannels, q.kernel, { padding: 'same', useBias: false }), [r]);
  const macs = new Map(inferGraph(b.build()).layers.map((l) => [l.name, l.macs]));
  const direct = macs.get('direct') ?? 0;
  const reduce = macs.get('reduce') ?? 0;
  const convMacs = macs.get('conv') ?? 0;
  return { direct, reduce, conv: convMacs, withBottleneck: reduce + convMacs, saving: direct / (reduce + convMacs) };
}

/** The default question: the course's 28×28×192 → 32 with a 5×5 kernel and a 16-channel bottleneck. */
export const COURSE_BOTTLENECK_EXAMPLE: BottleneckQuestion = { height: 28, width: 28, channels: 192, kernel: 5, outChannels: 32, bottleneck: 16 };
