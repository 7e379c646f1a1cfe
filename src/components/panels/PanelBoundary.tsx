import { Component, useSyncExternalStore, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { panelFailing, subscribePanelFailures } from '../../state/panelFailures';
import { TEST_HOOKS } from '../../state/testHooks';

interface Props {
  /** The panel's id and title, for the message. */
  panel: string;
  title: string;
  children: ReactNode;
}

/**
 * A panel fails alone: an error while one panel's view renders replaces that panel with a worded
 * message and a Retry button (which renders it again), and every other panel, the header and
 * training go on. Without it React unmounts the whole page.
 */
export class PanelBoundary extends Component<Props, { error?: Error }> {
  override state: { error?: Error } = {};

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`lab: the panel ${this.props.panel} failed`, error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) {
      return (
        <>
          {TEST_HOOKS && <FailSwitch panel={this.props.panel} />}
          {this.props.children}
        </>
      );
    }
    return <PanelFailed title={this.props.title} detail={error.message} retry={() => this.setState({ error: undefined })} />;
  }
}

function PanelFailed({ title, detail, retry }: { title: string; detail: string; retry: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="notice notice--error panel-failed" role="alert" data-testid="panel-failed">
      <div className="notice-body">
        <p className="notice-title">{t('notices.panelFailed', { panel: title })}</p>
        <p className="notice-detail">{detail}</p>
      </div>
      <button type="button" className="button button--primary" data-testid="panel-retry" onClick={retry}>
        {t('notices.retry')}
      </button>
    </div>
  );
}

/** Test builds: throws while its panel is switched to fail (state/panelFailures.ts). */
function FailSwitch({ panel }: { panel: string }) {
  const failing = useSyncExternalStore(subscribePanelFailures, () => panelFailing(panel));
  if (failing) throw new Error(`Simulated failure of the panel ${panel} (test).`);
  return null;
}
