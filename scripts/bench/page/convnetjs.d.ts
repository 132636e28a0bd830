/** The part of ConvNetJS 0.3 (npm `convnetjs`, CommonJS, no types of its own) the benchmark uses. */
declare module 'convnetjs' {
  /** A 3-D volume sx × sy × depth; `w[((sx * y) + x) * depth + d]`, i.e. channels-last. */
  export class Vol {
    constructor(sx: number, sy: number, depth: number, c?: number);
    sx: number;
    sy: number;
    depth: number;
    w: Float64Array;
    dw: Float64Array;
  }
  /** One layer definition of `Net.makeLayers` (`type` plus its options). */
  export interface LayerDef {
    type: 'input' | 'conv' | 'pool' | 'fc' | 'softmax' | 'relu';
    out_sx?: number;
    out_sy?: number;
    out_depth?: number;
    sx?: number;
    filters?: number;
    stride?: number;
    pad?: number;
    activation?: 'relu' | 'sigmoid' | 'tanh';
    num_neurons?: number;
    num_classes?: number;
  }
  export class Net {
    makeLayers(defs: LayerDef[]): void;
    forward(v: Vol, isTraining?: boolean): Vol;
    getPrediction(): number;
    /** Every weight array with its gradient (what the trainer updates). */
    getParamsAndGrads(): { params: Float64Array; grads: Float64Array }[];
  }
  /** `method`: 'sgd' | 'adagrad' | 'windowgrad' | 'adadelta' (0.3 has no Adam). */
  export interface TrainerOptions {
    method?: 'sgd' | 'adagrad' | 'windowgrad' | 'adadelta';
    learning_rate?: number;
    batch_size?: number;
    l2_decay?: number;
    momentum?: number;
  }
  export interface TrainStats {
    loss: number;
    cost_loss: number;
    fwd_time: number;
    bwd_time: number;
  }
  export class Trainer {
    constructor(net: Net, options?: TrainerOptions);
    train(x: Vol, y: number): TrainStats;
  }
  const convnetjs: { Vol: typeof Vol; Net: typeof Net; Trainer: typeof Trainer };
  export default convnetjs;
}
