import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import { App } from './app/App';
import './app/app.css';
import { registerServiceWorker } from './offline/registerServiceWorker';
import { startLinkSync } from './state/linkSync';
import { startPredictionRecorder } from './state/predictionRecorder';
import { useLab } from './state/store';

// The link's lesson, settings and language go into the store before the first render and
// before App boots the worker, so the lab starts straight in the linked experiment.
startLinkSync();
// Keeps the measurement each lesson's question is judged on, at the epoch it names.
startPredictionRecorder();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// A reload onto the isolating service worker waits while training runs (threads then come with the next load).
registerServiceWorker({ mayReload: () => useLab.getState().runState !== 'running' });
