/** The part of ConvNetJS 0.3 (CommonJS, no types of its own) that bench/engines.ts uses. */
declare module 'convnetjs' {
  export interface LayerDef {
    type: 'input' | 'fc' | 'regression';
    out_sx?: number;
    out_sy?: number;
    out_depth?: number;
    num_neurons?: number;
    activation?: 'relu' | 'sigmoid' | 'tanh';
  }
  export class Vol {
    /** An sx x sy x depth volume, every value `c`. */
    constructor(sx: number, sy: number, depth: number, c: number);
    w: Float64Array;
  }
  export class Net {
    makeLayers(defs: LayerDef[]): void;
    forward(v: Vol, isTraining?: boolean): Vol;
  }
  export interface TrainerOptions {
    method?: 'sgd' | 'adagrad' | 'adadelta' | 'windowgrad';
    batch_size?: number;
    learning_rate?: number;
    momentum?: number;
    l2_decay?: number;
  }
  export class Trainer {
    constructor(net: Net, options: TrainerOptions);
    /** One sample: forward, backward, and an update every batch_size samples. y: regression target. */
    train(x: Vol, y: number[] | Float64Array): { loss: number };
  }
  const convnetjs: { Vol: typeof Vol; Net: typeof Net; Trainer: typeof Trainer };
  export default convnetjs;
}
