import { LossChart } from '../charts/LossChart';
import { LossFormula } from '../math/LossFormula';
import { Metrics } from '../Metrics';
import { useShown } from '../useShown';

/** How the model learns: the training numbers, the loss curves (a teacher may hide them), the loss written out for one digit. */
export function TrainingPanel() {
  const showLossChart = useShown('lossChart');
  return (
    <>
      <Metrics />
      {showLossChart && <LossChart />}
      <LossFormula />
    </>
  );
}
