/** English strings of the code-space views: reconstructions, scatter, grid, sliders, drawing pad. */
export const latent = {
  reconstructions: { title: 'Reconstructions' },
} as const;
