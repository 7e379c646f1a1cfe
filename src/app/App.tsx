import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ArchitectureEditor } from '../components/ArchitectureEditor';
import { BackendBadge } from '../components/BackendBadge';
import { Controls } from '../components/Controls';
import { DrawPad } from '../components/DrawPad';
import { LatentExplorer } from '../components/LatentExplorer';
import { Metrics } from '../components/Metrics';
import { Notices } from '../components/Notices';
import { Reconstructions } from '../components/Reconstructions';
import { LossChart } from '../components/charts/LossChart';
import { lab } from '../state/labBridge';

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
      </header>
      <main id="lab" className="app-main" tabIndex={-1}>
        <Notices />
        <div className="app-grid">
          <section className="panel panel--model" aria-labelledby="panel-model">
            <h2 id="panel-model">{t('app.panels.model')}</h2>
            <ArchitectureEditor />
          </section>
          <section className="panel panel--training" aria-labelledby="panel-training">
            <h2 id="panel-training">{t('lossChart.title')}</h2>
            <Metrics />
            <LossChart />
          </section>
          <div className="panel panel--reconstructions">
            <Reconstructions />
          </div>
          <div className="panel panel--latent">
            <LatentExplorer />
          </div>
          <div className="panel panel--draw">
            <DrawPad />
          </div>
        </div>
      </main>
    </div>
  );
}
