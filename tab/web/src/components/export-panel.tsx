import {
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import { ApiError } from '../api/api-client';
import { EXPORT_FORMATS, type ExportFormat } from '../../../../core/export/export-formats';
import { exportTrail, type ExportProgress, type TrailFilters } from '../api/evidence-client';
import { useServices } from '../services';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/** Export buttons for the trail (PDF, DOCX, CSV, JSON, ZIP), with progress while a long export streams. */
export function ExportPanel(props: { filters: TrailFilters }): ReactNode {
  const { api } = useServices();
  const styles = useStyles();
  const [running, setRunning] = useState<ExportFormat>();
  const [progress, setProgress] = useState<ExportProgress>();
  const [message, setMessage] = useState<{ intent: 'success' | 'error' | 'warning'; text: string }>();

  async function run(format: ExportFormat) {
    setRunning(format);
    setProgress({ received: 0 });
    setMessage(undefined);
    try {
      const { blob, fileName } = await exportTrail(api, format, props.filters, setProgress);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setMessage({ intent: 'success', text: `${fileName} is ready (${Math.ceil(blob.size / 1024)} KB).` });
    } catch (err) {
      setMessage(
        err instanceof ApiError && err.status === 404
          ? { intent: 'warning', text: 'Exports are not available on this server yet.' }
          : {
              intent: 'error',
              text: `The export failed: ${err instanceof Error ? err.message : String(err)}`,
            },
      );
    } finally {
      setRunning(undefined);
    }
  }

  return (
    <div className={styles.panel} data-testid="export-panel">
      <div className={styles.row} role="group" aria-label="Export the evidence">
        {EXPORT_FORMATS.map((f) => (
          <Button key={f} disabled={running !== undefined} onClick={() => void run(f)}>
            Export {f.toUpperCase()}
          </Button>
        ))}
      </div>
      {running && progress && (
        <div aria-live="polite">
          <ProgressBar
            value={progress.total ? progress.received / progress.total : undefined}
            aria-label={`Exporting ${running.toUpperCase()}`}
          />
          <Caption1>
            Exporting {running.toUpperCase()}: {Math.round(progress.received / 1024)} KB
            {progress.total ? ` of ${Math.round(progress.total / 1024)} KB` : ''}
          </Caption1>
        </div>
      )}
      {message && (
        <MessageBar intent={message.intent} role="status">
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
