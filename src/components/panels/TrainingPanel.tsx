import { LossChart } from '../charts/LossChart';
import { Metrics } from '../Metrics';
import { useShown } from '../useShown';

/** How the model learns: the training numbers, then the loss curves (a teacher may hide them). */
export function TrainingPanel() {
  const showLossChart = useShown('lossChart');
  return (
    <>
      <Metrics />
      {showLossChart && <LossChart />}
    </>
  );
}
