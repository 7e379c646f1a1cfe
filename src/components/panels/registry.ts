/**
 * The panels registry: each PanelId (lessons/catalog.ts) with its view, its title (the heading a
 * reader sees and the name of its ⤢ focus button), its CSS class and when it applies
 * (pagePanels.ts PanelRule: experiment, control groups, model kinds, variant). The page renders
 * from here (LabPanels.tsx); the order of the free lab is PANEL_IDS's, a lesson's its own list.
 */
import type { ComponentType } from 'react';
import type { PanelId } from '../../lessons/catalog';
import { AnomalyDetection } from '../AnomalyDetection';
import { DrawPad } from '../DrawPad';
import { ImageSearch } from '../ImageSearch';
import { LatentExplorer } from '../LatentExplorer';
import { Pretraining } from '../Pretraining';
import { Reconstructions } from '../Reconstructions';
import { TextRetrieval } from '../TextRetrieval';
import { Visualization } from '../Visualization';
import { FirstLayerWeights } from '../math/FirstLayerWeights';
import { Traversal } from '../vae/Traversal';
import { VaePanel } from '../vae/VaePanel';
import { Adversarial } from '../variants/Adversarial';
import { Contractive } from '../variants/Contractive';
import { Denoising } from '../variants/Denoising';
import { FeatureMaps } from '../variants/FeatureMaps';
import { Sparse } from '../variants/Sparse';
import { StyleSwap } from '../variants/StyleSwap';
import { VqPanel } from '../vq/VqPanel';
import { ModelPanel } from './ModelPanel';
import type { PanelRule } from './pagePanels';
import { TrainingPanel } from './TrainingPanel';

export interface PanelEntry extends PanelRule {
  component: ComponentType;
  /** i18n key of the panel's title: the focus button's name, and the heading when `heading` is set. */
  titleKey: string;
  /** Classes of the panel's frame besides `panel` (layout and presenter.css find panels by them). */
  className: string;
  /** The frame is a <section> with the title as its <h2> (the view has no heading of its own). */
  heading?: true;
}

const mnist = 'mnistAutoencoder' as const;

export const PANELS: { readonly [K in PanelId]: PanelEntry } = {
  model: {
    component: ModelPanel,
    titleKey: 'app.panels.model',
    className: 'panel--model',
    heading: true,
    experiment: mnist,
    width: 'half',
    inside: ['architecture', 'loss', 'optimizer', 'data', 'variants'],
  },
  training: { component: TrainingPanel, titleKey: 'lossChart.title', className: 'panel--training', heading: true, experiment: mnist, width: 'half', inside: ['lossChart'] },
  reconstructions: { component: Reconstructions, titleKey: 'latent.reconstructions.title', className: 'panel--reconstructions', experiment: mnist, width: 'half', groups: ['reconstructions'] },
  weights: {
    component: FirstLayerWeights,
    titleKey: 'math.weights.title',
    className: 'panel--weights',
    heading: true,
    experiment: mnist,
    width: 'full',
    kinds: ['mlp', 'vae', 'vq', 'adversarial', 'conditional'],
    listedOnly: true,
  },
  denoising: { component: Denoising, titleKey: 'variants.denoising.title', className: 'panel--variant panel--denoising', experiment: mnist, width: 'full', kinds: ['mlp', 'conv'], variant: (m) => 'noise' in m && m.noise !== 'none', onlyWhenOn: true },
  contractive: { component: Contractive, titleKey: 'variants.contractive.title', className: 'panel--variant panel--contractive', experiment: mnist, width: 'full', kinds: ['mlp'], variant: (m) => 'contractive' in m && m.contractive > 0 },
  featureMaps: { component: FeatureMaps, titleKey: 'kinds.featureMaps.title', className: 'panel--variant panel--feature-maps', experiment: mnist, width: 'full', kinds: ['conv'] },
  sparse: {
    component: Sparse,
    titleKey: 'variants.sparse.title',
    className: 'panel--variant panel--sparse',
    experiment: mnist,
    width: 'full',
    kinds: ['mlp'],
    variant: (m) => 'codeActivation' in m && (m.codeActivation !== 'linear' || m.sparsity !== 'none'),
  },
  vq: { component: VqPanel, titleKey: 'vq.codes.title', className: 'panel--variant panel--vq', experiment: mnist, width: 'full', kinds: ['vq'] },
  vae: { component: VaePanel, titleKey: 'vae.title', className: 'panel--variant panel--vae', experiment: mnist, width: 'full', kinds: ['vae'], groups: ['vae'] },
  traversal: { component: Traversal, titleKey: 'vae.traversal.title', className: 'panel--variant panel--traversal', experiment: mnist, width: 'full', kinds: ['vae'], groups: ['traversal'] },
  adversarial: { component: Adversarial, titleKey: 'variants.adversarial.title', className: 'panel--variant panel--adversarial', experiment: mnist, width: 'full', kinds: ['adversarial'] },
  styleSwap: { component: StyleSwap, titleKey: 'conditional.title', className: 'panel--variant panel--style-swap', experiment: mnist, width: 'full', kinds: ['conditional'] },
  latent: { component: LatentExplorer, titleKey: 'latent.explorer.title', className: 'panel--latent', experiment: mnist, width: 'full', groups: ['scatter', 'grid', 'sliders'] },
  draw: { component: DrawPad, titleKey: 'latent.draw.title', className: 'panel--draw', experiment: mnist, width: 'full', groups: ['drawPad'] },
  embedding: { component: Visualization, titleKey: 'applications.visualization.title', className: 'panel--visualization', experiment: mnist, width: 'full', groups: ['embedding'] },
  anomaly: { component: AnomalyDetection, titleKey: 'applications.anomaly.title', className: 'panel--anomaly', experiment: mnist, width: 'full', groups: ['anomaly'] },
  imageSearch: { component: ImageSearch, titleKey: 'applications.imageSearch.title', className: 'panel--image-search', experiment: mnist, width: 'full', groups: ['imageSearch'] },
  pretraining: { component: Pretraining, titleKey: 'pretraining.title', className: 'panel--pretraining', experiment: 'pretraining', width: 'full', groups: ['pretraining'] },
  textRetrieval: { component: TextRetrieval, titleKey: 'text.title', className: 'panel--text-retrieval', experiment: 'textAutoencoders', width: 'full', groups: ['textRetrieval'] },
};
