import { z } from 'zod';
import { event } from './define';

// Alerts the analyst is told about (native notification, in-app toast, Telegram): raised by the
// features (new traps, strong steam, strong picks, settlement summaries), delivered by the notifier.

export const alertKind = z.enum(['trap', 'steam', 'pick', 'settlement']);
export const alertSeverity = z.enum(['low', 'medium', 'high']);

export const alert = z.object({
  /** Stable identity: one notification per id; a later alert with the same id is an update, never re-notified. */
  id: z.string().min(1),
  kind: alertKind,
  severity: alertSeverity,
  title: z.string().min(1),
  body: z.string(),
  /** The match it is about, if any (a click opens it). */
  matchId: z.number().int().nullable(),
  /** The panel a click opens (e.g. 'ferrari', 'picks'). */
  panel: z.string(),
  at: z.string(),
});
export type RaisedAlert = z.infer<typeof alert>;

export const alertEvents = {
  'alert.raised': event({ summary: 'Something the analyst should hear about now (trap, steam, pick, settlement)', payload: alert }),
};
