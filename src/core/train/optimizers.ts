/**
 * The optimizers the lab offers, built from the training config, and their clean disposal.
 */
import * as tf from '@tensorflow/tfjs';
import type { TrainConfig } from '../config';
import { FusedAdamOptimizer } from '../kernels/fusedAdam';

/** Adam, SGD with (heavy-ball) momentum, or RMSprop at the config's learning rate. */
export function createOptimizer(train: Pick<TrainConfig, 'optimizer' | 'learningRate' | 'momentum'>): tf.Optimizer {
  switch (train.optimizer) {
    case 'adam':
      // tfjs's Adam; on a backend with the lab's fused kernels, three kernels per weight (kernels/fusedAdam.ts).
      return new FusedAdamOptimizer(train.learningRate);
    case 'sgd':
      return tf.train.momentum(train.learningRate, train.momentum);
    case 'rmsprop':
      return tf.train.rmsprop(train.learningRate);
  }
}

/**
 * Changes the learning rate and momentum of a live optimizer, from its next step on; its slots
 * (Adam's moments, the momentum accumulations) and step count stay. Adam and RMSprop read
 * their rate as a number at each step; SGD keeps it as a scalar made by setLearningRate; tfjs
 * 4.22's MomentumOptimizer keeps its momentum as a scalar made in the constructor, which its
 * setMomentum does not replace, so it is replaced here (the tensor count stays the same).
 */
export function setOptimizerSettings(optimizer: tf.Optimizer, train: Pick<TrainConfig, 'learningRate' | 'momentum'>): void {
  const name = optimizer.getClassName();
  if (name === tf.SGDOptimizer.className || name === tf.MomentumOptimizer.className) {
    (optimizer as tf.SGDOptimizer).setLearningRate(train.learningRate);
  } else {
    (optimizer as unknown as { learningRate: number }).learningRate = train.learningRate;
  }
  if (name === tf.MomentumOptimizer.className) {
    const momentum = optimizer as unknown as { momentum: number; m: tf.Scalar };
    momentum.m.dispose();
    momentum.momentum = train.momentum;
    momentum.m = tf.keep(tf.scalar(train.momentum));
  }
}

/**
 * Frees the optimizer's slot variables and scalars. tfjs 4.22's MomentumOptimizer.dispose()
 * forgets the learning-rate scalar its SGD base class keeps, so that one is freed here too.
 */
export function disposeOptimizer(optimizer: tf.Optimizer): void {
  optimizer.dispose();
  // Not `instanceof`: tfjs defines Optimizer[Symbol.hasInstance] by duck typing, so every
  // optimizer would pass as a MomentumOptimizer.
  if (optimizer.getClassName() === tf.MomentumOptimizer.className) tf.SGDOptimizer.prototype.dispose.call(optimizer);
}

/**
 * The optimizer's slot variables, live (not copies), in tfjs's getWeights order (see
 * OptimizerSnapshot.slots), and its step count. getWeights yields once before it lists them.
 */
export async function optimizerSlots(optimizer: tf.Optimizer): Promise<tf.Variable[]> {
  const [iterations, ...slots] = await optimizer.getWeights();
  // The first entry is a fresh scalar holding the step count: ours to free.
  iterations.tensor.dispose();
  return slots.map((s) => s.tensor as tf.Variable);
}

/**
 * Gives a fresh optimizer (no step taken yet) the slots and step count of a saved one; the
 * optimizer copies nothing, it keeps its own variables made from these values.
 * @param slots values in tfjs's getWeights order, shapes of the model's weights
 */
export async function loadOptimizerSlots(
  optimizer: tf.Optimizer,
  iterations: number,
  slots: readonly { shape: number[]; data: Float32Array }[],
): Promise<void> {
  const named: Parameters<tf.Optimizer['setWeights']>[0] = [
    { name: 'iter', tensor: tf.scalar(iterations, 'int32') },
    ...slots.map((s, i) => ({ name: `slot/${i}`, tensor: tf.tensor(s.data, s.shape) })),
  ];
  try {
    await optimizer.setWeights(named);
  } finally {
    // The optimizer's variables hold their own references to the data.
    for (const n of named) n.tensor.dispose();
  }
}
