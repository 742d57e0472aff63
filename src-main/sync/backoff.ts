// The retry backoff is shared with the scheduler (platform/backoff.ts).
export { nextRetryDelay } from '../platform/backoff';
