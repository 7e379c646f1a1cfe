/**
 * English UI strings: the source every other locale is checked against.
 * Keys are grouped by the part of the page that shows them; the latent-space views keep
 * theirs in en.latent.ts.
 */
import { latent } from './en.latent';

export const en = {
  app: {
    title: 'Autoencoder Lab',
    tagline: 'Train an autoencoder on real MNIST digits, right in your browser.',
  },
  latent,
} as const;

/** The shape every locale must have (values may differ, keys may not). */
type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Strings = Widen<typeof en>;
