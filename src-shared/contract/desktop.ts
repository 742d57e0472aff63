import { z } from 'zod';
import { event } from './define';

// What the desktop shell (application menu, tray) asks of the window: open a panel, open the
// Reports dialog. The renderer obeys; in a browser nothing sends them.
export const desktopCommand = z.discriminatedUnion('command', [
  z.object({ command: z.literal('navigate'), panel: z.string().min(1) }),
  z.object({ command: z.literal('reports'), kind: z.enum(['daily', 'performance']).optional() }),
]);
export type DesktopCommand = z.infer<typeof desktopCommand>;

export const desktopEvents = {
  'desktop.command': event({
    summary: 'The application menu or the tray asks the window to open a panel or the Reports dialog',
    payload: desktopCommand,
  }),
};
