/**
 * The adversarial autoencoder's fixed shapes, pure (no tfjs): the discriminator's widths and
 * the names and shapes of its weights in a snapshot (weightLayouts.ts).
 */

/** Hidden widths of the discriminator (the paper's MNIST discriminator: two layers of 1,000). */
export const DISCRIMINATOR_LAYERS = [64, 64] as const;

/** Names and shapes of the discriminator's weights, after the autoencoder's in a snapshot. */
export function discriminatorWeightLayout(codeSize: number): { name: string; shape: number[] }[] {
  const widths = [codeSize, ...DISCRIMINATOR_LAYERS, 1];
  const layout: { name: string; shape: number[] }[] = [];
  for (let i = 0; i + 1 < widths.length; i++) {
    layout.push({ name: `discriminator/${i}/kernel`, shape: [widths[i], widths[i + 1]] });
    layout.push({ name: `discriminator/${i}/bias`, shape: [widths[i + 1]] });
  }
  return layout;
}
