/**
 * "Show as code": the lab's current model and training settings as a runnable Python script,
 * in Keras or in PyTorch, so a student can take the model further.
 *
 * The scripts build what models/mlp.ts builds (784 -> encoderLayers -> a linear code ->
 * mirrored layers -> 784, hidden and output activations as configured), train it as
 * train/trainer.ts does (mean loss per pixel: binary cross-entropy or squared error; Adam,
 * SGD with momentum or RMSprop with tfjs's constants; the seeded training subset, starting
 * weights and batch order of exportCodeRandom.ts; an L2 penalty on the code when codeL2 > 0,
 * as the explicit term codeL2 x mean over the batch of sum_j z_j²) and print the lab's test number: the
 * squared error per image (sum over 784 pixels, mean over test images). Encoder and decoder
 * stay separate models, so the decoder alone can turn any code into an image.
 *
 * Pure string generation from a LabConfig: no tfjs, runs anywhere. The dense kind is the one
 * kind written today; every other kind's module says why not (KindModule.codeExport).
 * exportCodeKeras.ts and exportCodeTorch.ts write the two scripts from exportCodeShared.ts.
 */
import type { LabConfig } from '../../config';
import { kerasCode } from './exportCodeKeras';
import type { CodeLanguage, ExportOptions } from './exportCodeShared';
import { pytorchCode } from './exportCodeTorch';

export { kerasCode } from './exportCodeKeras';
export { pytorchCode } from './exportCodeTorch';
export {
  architectureString,
  CODE_LANGUAGES,
  DEFAULT_EPOCHS,
  FILE_NAME,
  INSTALL,
  pyFloat,
  type CodeLanguage,
  type DenseLabConfig,
  type ExportOptions,
} from './exportCodeShared';

/**
 * The script for one framework; '' for a kind the scripts do not write (its KindModule's
 * codeExport says why).
 */
export function exportCode(config: LabConfig, language: CodeLanguage, options: ExportOptions = {}): string {
  if (config.model.kind !== 'mlp') return '';
  const dense = { model: config.model, train: config.train };
  return language === 'keras' ? kerasCode(dense, options) : pytorchCode(dense, options);
}
