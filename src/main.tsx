import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import { App } from './app/App';
import './app/app.css';
import { registerServiceWorker } from './offline/registerServiceWorker';
import { startLinkSync } from './state/linkSync';

// The link's lesson, settings and language go into the store before the first render and
// before App boots the worker, so the lab starts straight in the linked experiment.
startLinkSync();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

registerServiceWorker();
