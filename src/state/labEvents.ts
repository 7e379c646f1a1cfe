/**
 * The worker's events into the store. An event of a run (it carries `runId`, worker/apiRun.ts)
 * lands only if that run is the one the page shows (store.run, set by store.beginRun when the
 * page asked for it); the events of a superseded run are dropped, whatever they hold. Events
 * of the worker itself and of the lessons' own experiments always land.
 */
import type { LabEvent } from '../worker/api';
import { useLab } from './store';

/** Events of superseded runs dropped since the page loaded (tests read it through `lab.droppedEvents()`). */
let dropped = 0;
export const droppedEvents = () => dropped;

export function routeEvent(e: LabEvent): void {
  const s = useLab.getState();
  if ('runId' in e && e.runId !== s.run.id) {
    dropped++;
    return;
  }
  switch (e.type) {
    case 'run':
      s.announceRun(e);
      break;
    case 'progress':
      s.addProgress(e);
      break;
    case 'status':
      s.setRunState(e.state, e.reason);
      break;
    case 'pcaBaseline':
      s.setPcaBaseline(e);
      break;
    case 'measurements':
      s.setMeasurements(e);
      break;
    case 'pcaMap':
      s.setPcaMap(e);
      break;
    case 'fullTest':
      s.setFullTest(e);
      break;
    case 'reconstructions':
      s.setReconstructions(e.pixels);
      break;
    case 'codes':
      s.setCodes(e);
      break;
    case 'denoising':
      s.setDenoising(e);
      break;
    case 'sensitivity':
      s.setSensitivity(e);
      break;
    case 'engineMeasures':
      s.setEngineMeasures(e);
      s.addEngineHistory(e);
      break;
    case 'sparsity':
      s.setSparsity(e);
      break;
    case 'vq':
      s.setVq(e);
      break;
    case 'imageSearch':
      s.setImageSearch(e);
      break;
    case 'anomaly':
      s.setAnomaly(e);
      break;
    // The worker's own events and the lessons' own experiments.
    case 'testSample':
      s.setTestSample(e);
      break;
    case 'error':
      // A lost device is told once, by the client's restart notice (labBridge onRestart).
      if (!e.lostBackend) s.addError(e);
      break;
    case 'backend':
      s.setBackend(e.report);
      break;
    case 'pretraining':
      s.setPretraining(e.summary);
      break;
    case 'textProgress':
      s.setText({ progress: e, running: e.running });
      break;
    case 'textMeasure':
      s.setText({ measure: e });
      break;
  }
}
