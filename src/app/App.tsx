import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ArchitectureEditor } from '../components/ArchitectureEditor';
import { BackendBadge } from '../components/BackendBadge';
import { Controls } from '../components/Controls';
import { DrawPad } from '../components/DrawPad';
import { LatentExplorer } from '../components/LatentExplorer';
import { Metrics } from '../components/Metrics';
import { Notices } from '../components/Notices';
import { Announcer } from '../components/Announcer';
import { PanelFocusButton } from '../components/PanelFocusButton';
import { PresenterControls } from '../components/PresenterControls';
import { Reconstructions } from '../components/Reconstructions';
import { LossChart } from '../components/charts/LossChart';
import { lab } from '../state/labBridge';
import { ShortcutHelp } from './ShortcutHelp';
import { usePresenterView } from './usePresenterView';
import { useShortcuts } from './useShortcuts';

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

  return (
    <div className="app">
      <a className="skip-link" href="#lab">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <div className="app-brand">
          <h1>{t('app.title')}</h1>
          <p className="app-tagline">{t('app.tagline')}</p>
        </div>
        <Controls />
        <BackendBadge />
        <PresenterControls />
      </header>
      <main id="lab" className="app-main" tabIndex={-1}>
        <Notices />
        <div className="app-grid">
          <section className="panel panel--model" aria-labelledby="panel-model">
            <PanelFocusButton panel="model" name={t('app.panels.model')} />
            <h2 id="panel-model">{t('app.panels.model')}</h2>
            <ArchitectureEditor />
          </section>
          <section className="panel panel--training" aria-labelledby="panel-training">
            <PanelFocusButton panel="training" name={t('lossChart.title')} />
            <h2 id="panel-training">{t('lossChart.title')}</h2>
            <Metrics />
            <LossChart />
          </section>
          <div className="panel panel--reconstructions">
            <PanelFocusButton panel="reconstructions" name={t('latent.reconstructions.title')} />
            <Reconstructions />
          </div>
          <div className="panel panel--latent">
            <PanelFocusButton panel="latent" name={t('latent.explorer.title')} />
            <LatentExplorer />
          </div>
          <div className="panel panel--draw">
            <PanelFocusButton panel="draw" name={t('latent.draw.title')} />
            <DrawPad />
          </div>
        </div>
      </main>
      <ShortcutHelp />
      <Announcer />
    </div>
  );
}
