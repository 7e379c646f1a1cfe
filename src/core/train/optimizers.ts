/**
 * The optimizers the lab offers, built from the training config, and their clean disposal.
 */
import * as tf from '@tensorflow/tfjs';
import type { TrainConfig } from '../config';

/** Adam, SGD with (heavy-ball) momentum, or RMSprop at the config's learning rate. */
export function createOptimizer(train: Pick<TrainConfig, 'optimizer' | 'learningRate' | 'momentum'>): tf.Optimizer {
  switch (train.optimizer) {
    case 'adam':
      return tf.train.adam(train.learningRate);
    case 'sgd':
      return tf.train.momentum(train.learningRate, train.momentum);
    case 'rmsprop':
      return tf.train.rmsprop(train.learningRate);
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
