/** The source database as the running app knows it (composed in app/services.ts). */
export interface SourceInfo {
  kind: 'embedded' | 'configured' | 'none';
  /** For people: the URL without its password, or "embedded PostgreSQL on 127.0.0.1:port". */
  label: string;
  url?: string;
  timescale: boolean;
  /** Why the source cannot be used now, else null. */
  error: string | null;
}
