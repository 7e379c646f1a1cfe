import type { ReactNode } from 'react';

/** One labelled number of a `<dl>` of metrics (class metric; the value alone in the test-id element). */
export function Metric({ label, unit, testId, emphasis, children }: { label: string; unit?: string; testId: string; emphasis?: boolean; children: ReactNode }) {
  return (
    <div className={emphasis ? 'metric metric--emphasis' : 'metric'}>
      <dt>
        {label}
        {unit && <span className="metric-unit">{unit}</span>}
      </dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}
