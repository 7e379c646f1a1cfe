import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ArchitectureEditor } from '../components/ArchitectureEditor';
import { BackendBadge } from '../components/BackendBadge';
import { Controls } from '../components/Controls';
import { ModelFile } from '../components/ModelFile';
import { CopyLink } from '../components/CopyLink';
import { DrawPad } from '../components/DrawPad';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { LatentExplorer } from '../components/LatentExplorer';
import { LessonNavigator } from '../components/LessonNavigator';
import { LessonPanel } from '../components/LessonPanel';
import { Metrics } from '../components/Metrics';
import { Notices } from '../components/Notices';
import { Announcer } from '../components/Announcer';
import { PanelFocusButton } from '../components/PanelFocusButton';
import { PresenterControls } from '../components/PresenterControls';
import { Reconstructions } from '../components/Reconstructions';
import { ShowAsCode } from '../components/ShowAsCode';
import { Contractive } from '../components/variants/Contractive';
import { Denoising } from '../components/variants/Denoising';
import { FeatureMaps } from '../components/variants/FeatureMaps';
import { Sparse } from '../components/variants/Sparse';
import { Adversarial } from '../components/variants/Adversarial';
import { StyleSwap } from '../components/variants/StyleSwap';
import { TeacherModeToggle, TeacherPanel } from '../components/TeacherPanel';
import { useShown } from '../components/useShown';
import { LossChart } from '../components/charts/LossChart';
import { lab } from '../state/labBridge';
import { FREE_LAB } from '../state/link';
import { useLab } from '../state/store';
import { ShortcutHelp } from './ShortcutHelp';
import { useHeaderHeight } from './useHeaderHeight';
import { usePresenterView } from './usePresenterView';
import { useShortcuts } from './useShortcuts';
import { Visualization } from '../components/Visualization';
import { ImageSearch } from '../components/ImageSearch';
import { AnomalyDetection } from '../components/AnomalyDetection';
import { Pretraining } from '../components/Pretraining';
import { TextRetrieval } from '../components/TextRetrieval';
import { VqPanel } from '../components/vq/VqPanel';
import { Traversal } from '../components/vae/Traversal';
import { VaePanel } from '../components/vae/VaePanel';
import { modelSetting } from '../core/config';

/**
 * The page: a header with the title, the training controls and the backend (always in view),
 * messages, then the panels in the order of the lecture: the model, how it learns, what it
 * reconstructs, the code space, and the reader's own digit.
 */
export function App() {
  const { t } = useTranslation();
  // boot() is idempotent: StrictMode's second effect run reuses the first worker.
  useEffect(() => {
    void lab.boot();
  }, []);
  useShortcuts();
  usePresenterView();
  // Panels a teacher hid are not rendered at all (teacher mode, the link's _hide keys).
  const show = {
    lossChart: useShown('lossChart'),
    reconstructions: useShown('reconstructions'),
    latent: [useShown('scatter'), useShown('grid'), useShown('sliders')].some(Boolean),
    drawPad: useShown('drawPad'),
    imageSearch: useShown('imageSearch'),
    anomaly: useShown('anomaly'),
    embedding: useShown('embedding'),
    pretraining: useShown('pretraining'),
    textRetrieval: useShown('textRetrieval'),
    vae: useShown('vae'),
    traversal: useShown('traversal'),
  };
  const vae = useLab((s) => s.config.model.kind === 'vae');
  // The variants' panels appear with the variant (issue 4).
  const denoising = useLab((s) => modelSetting(s.config.model, 'noise') !== 'none');
  const contractive = useLab((s) => modelSetting(s.config.model, 'contractive') > 0 || s.lessonId === 'contractive');
  const convolutional = useLab((s) => s.config.model.kind === 'conv');
  const textFirst = useLab((s) => s.lessonId === 'text-retrieval');
  const sparse = useLab((s) => modelSetting(s.config.model, 'codeActivation') !== 'linear' || modelSetting(s.config.model, 'sparsity') !== 'none' || s.lessonId === 'sparse');
  const vqCodes = useLab((s) => s.config.model.kind === 'vq');
  const adversarial = useLab((s) => s.config.model.kind === 'adversarial');
  const conditional = useLab((s) => s.config.model.kind === 'conditional');
  const [lessonOpen, setLessonOpen] = useState(true);
  // The free lab has no lesson text: the lab takes the whole width, as before lessons existed.
  const inLesson = useLab((s) => s.lessonId !== FREE_LAB);
  const headerRef = useRef<HTMLElement>(null);
  useHeaderHeight(headerRef);

  const textPanel = (
    <div className="panel panel--text-retrieval">
      <PanelFocusButton panel="textRetrieval" name={t('text.title')} />
      <TextRetrieval />
    </div>
  );

  return (
    <div className="app">
      <a className="skip-link" href="#lab">
        {t('app.skipToContent')}
      </a>
      <header className="app-header" ref={headerRef}>
        <div className="app-header-row">
          <div className="app-brand">
            <h1>{t('app.title')}</h1>
            <p className="app-tagline">{t('app.tagline')}</p>
          </div>
          <Controls />
          <BackendBadge />
        </div>
        {/* The classroom row: the lessons, then the view, language and link tools. */}
        <div className="app-header-row app-header-row--classroom">
          <LessonNavigator />
          <PresenterControls />
          <LanguageSwitch />
          <CopyLink />
        </div>
      </header>
      <main id="lab" className="app-main" tabIndex={-1}>
        <Notices />
        <TeacherPanel />
        <div className={inLesson && lessonOpen ? 'app-body' : 'app-body app-body--lesson-hidden'}>
          {inLesson && lessonOpen && <LessonPanel onHide={() => setLessonOpen(false)} />}
          {inLesson && !lessonOpen && (
            <button type="button" className="button lesson-show" onClick={() => setLessonOpen(true)} data-testid="lesson-show">
              <span aria-hidden="true">»</span> {t('classroom.panel.show')}
            </button>
          )}
          <div className="app-lab">
            {/* The text lesson's own experiment (not MNIST) comes first there; elsewhere with the applications. */}
            {show.textRetrieval && textFirst && textPanel}
            <div className="app-grid">
              <section className="panel panel--model" aria-labelledby="panel-model">
                <PanelFocusButton panel="model" name={t('app.panels.model')} />
                <h2 id="panel-model">{t('app.panels.model')}</h2>
                <ArchitectureEditor />
                <ModelFile />
                <ShowAsCode />
              </section>
              <section className="panel panel--training" aria-labelledby="panel-training">
                <PanelFocusButton panel="training" name={t('lossChart.title')} />
                <h2 id="panel-training">{t('lossChart.title')}</h2>
                <Metrics />
                {show.lossChart && <LossChart />}
              </section>
              {show.reconstructions && (
                <div className="panel panel--reconstructions">
                  <PanelFocusButton panel="reconstructions" name={t('latent.reconstructions.title')} />
                  <Reconstructions />
                </div>
              )}
              {denoising && (
                <div className="panel panel--variant panel--denoising">
                  <PanelFocusButton panel="denoising" name={t('variants.denoising.title')} />
                  <Denoising />
                </div>
              )}
              {contractive && (
                <div className="panel panel--variant panel--contractive">
                  <PanelFocusButton panel="contractive" name={t('variants.contractive.title')} />
                  <Contractive />
                </div>
              )}
              {convolutional && (
                <div className="panel panel--variant panel--feature-maps">
                  <PanelFocusButton panel="featureMaps" name={t('kinds.featureMaps.title')} />
                  <FeatureMaps />
                </div>
              )}
              {sparse && (
                <div className="panel panel--variant panel--sparse">
                  <PanelFocusButton panel="sparse" name={t('variants.sparse.title')} />
                  <Sparse />
                </div>
              )}
              {vqCodes && (
                <div className="panel panel--variant panel--vq">
                  <PanelFocusButton panel="vq" name={t('vq.codes.title')} />
                  <VqPanel />
                </div>
              )}
              {vae && show.vae && (
                <div className="panel panel--variant panel--vae">
                  <PanelFocusButton panel="vae" name={t('vae.title')} />
                  <VaePanel />
                </div>
              )}
              {vae && show.traversal && (
                <div className="panel panel--variant panel--traversal">
                  <PanelFocusButton panel="traversal" name={t('vae.traversal.title')} />
                  <Traversal />
                </div>
              )}
              {adversarial && (
                <div className="panel panel--variant panel--adversarial">
                  <PanelFocusButton panel="adversarial" name={t('variants.adversarial.title')} />
                  <Adversarial />
                </div>
              )}
              {conditional && (
                <div className="panel panel--variant panel--style-swap">
                  <PanelFocusButton panel="styleSwap" name={t('conditional.title')} />
                  <StyleSwap />
                </div>
              )}
              {show.latent && (
                <div className="panel panel--latent">
                  <PanelFocusButton panel="latent" name={t('latent.explorer.title')} />
                  <LatentExplorer />
                </div>
              )}
              {show.drawPad && (
                <div className="panel panel--draw">
                  <PanelFocusButton panel="draw" name={t('latent.draw.title')} />
                  <DrawPad />
                </div>
              )}
            </div>
            {/* The applications' panels, below the lab's own grid. */}
            {(show.imageSearch || show.anomaly || show.embedding || show.pretraining || (show.textRetrieval && !textFirst)) && (
              <div className="app-applications">
                {show.embedding && (
                  <div className="panel panel--visualization">
                    <PanelFocusButton panel="embedding" name={t('applications.visualization.title')} />
                    <Visualization />
                  </div>
                )}
                {show.anomaly && (
                  <div className="panel panel--anomaly">
                    <PanelFocusButton panel="anomaly" name={t('applications.anomaly.title')} />
                    <AnomalyDetection />
                  </div>
                )}
                {show.imageSearch && (
                  <div className="panel panel--image-search">
                    <PanelFocusButton panel="imageSearch" name={t('applications.imageSearch.title')} />
                    <ImageSearch />
                  </div>
                )}
                {show.pretraining && (
                  <div className="panel panel--pretraining">
                    <PanelFocusButton panel="pretraining" name={t('pretraining.title')} />
                    <Pretraining />
                  </div>
                )}
                {show.textRetrieval && !textFirst && textPanel}
              </div>
            )}
          </div>
        </div>
      </main>
      <footer className="app-footer">
        <TeacherModeToggle />
      </footer>
      <ShortcutHelp />
      <Announcer />
    </div>
  );
}
