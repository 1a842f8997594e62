import {
  Button,
  Dialog,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
} from '@fluentui/react-components';
import { Dismiss24Regular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';

/**
 * A modal dialog holding one form, with a close button in its title as Fluent asks of every dialog. The button
 * is also what takes focus when the dialog opens: a form that is still loading has nothing focusable yet, and a
 * dialog opened with focus on its bare surface was left aria-hidden (so invisible to screen readers) by the
 * focus manager once the page behind it finished loading. Give the button that opens it the attributes of
 * Fluent's `useRestoreFocusTarget()`: closing the dialog then puts focus back on that button.
 */
export function FormDialog(props: {
  title: string;
  open: boolean;
  onClose(): void;
  children: ReactNode;
}): ReactNode {
  return (
    <Dialog open={props.open} onOpenChange={(_, d) => !d.open && props.onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle
            action={
              <DialogTrigger action="close">
                <Button appearance="subtle" aria-label="Close" icon={<Dismiss24Regular />} />
              </DialogTrigger>
            }
          >
            {props.title}
          </DialogTitle>
          <DialogContent>{props.children}</DialogContent>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
