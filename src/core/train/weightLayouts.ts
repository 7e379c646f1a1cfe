/**
 * Names and shapes of each kind's weights, in the order of its Engine's variables: what a
 * snapshot (snapshot.ts) stores and checks. Pure: no tfjs.
 */
import { IMAGE_SIZE, type MlpModelConfig } from '../config';
import { discriminatorWeightLayout } from '../models/adversarialConfig';
import { LABEL_CLASSES } from '../models/conditionalConfig';
import { convWeightLayout } from '../models/convConfig';
import { vqWeightLayout } from '../models/vqConfig';
import { vaeWeightLayout } from '../models/vaeConfig';

export interface WeightSpec {
  name: string;
  shape: number[];
}

/** The weights of an MLP autoencoder: encoder layers from the input, then decoder layers; kernel, bias. */
export function weightLayout(model: Pick<MlpModelConfig, 'encoderLayers' | 'codeSize'>): WeightSpec[] {
  const widths = [IMAGE_SIZE, ...model.encoderLayers, model.codeSize];
  const back = [...widths].reverse();
  const layout: WeightSpec[] = [];
  for (const [half, w] of [['encoder', widths], ['decoder', back]] as const) {
    for (let i = 0; i + 1 < w.length; i++) {
      layout.push({ name: `${half}/${i}/kernel`, shape: [w[i], w[i + 1]] });
      layout.push({ name: `${half}/${i}/bias`, shape: [w[i + 1]] });
    }
  }
  return layout;
}

/** The weights of the model `model.kind` names (each kind adds its case). */
export function engineWeightLayout(model: MlpModelConfig): WeightSpec[] {
  switch (model.kind) {
    case 'mlp':
      return weightLayout(model);
    case 'conv':
      return convWeightLayout({ stageChannels: model.convChannels, codeSize: model.codeSize, decoder: model.convDecoder });
    case 'vq':
      return vqWeightLayout(model);
    case 'vae':
      return vaeWeightLayout(model);
    case 'adversarial':
      return [...weightLayout(model), ...discriminatorWeightLayout(model.codeSize)];
    case 'conditional':
      return conditionalWeightLayout(model);
    default:
      throw new Error(`The ${model.kind} autoencoder is not in the lab yet.`);
  }
}

/** The conditional autoencoder's weights: the MLP's, but the decoder's first layer also reads the one-hot label. */
export function conditionalWeightLayout(model: Pick<MlpModelConfig, 'encoderLayers' | 'codeSize'>): WeightSpec[] {
  return weightLayout(model).map((w) => (w.name === 'decoder/0/kernel' ? { ...w, shape: [w.shape[0] + LABEL_CLASSES, w.shape[1]] } : w));
}
