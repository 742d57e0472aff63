import { EventEmitter } from 'node:events';
import type { EventName, EventPayload } from '../../src-shared/contract';

/** Typed bus of contract events; IPC forwards it to windows, the HTTP server to SSE clients. */
export class EventBus {
  private readonly emitter = new EventEmitter();
  constructor() {
    this.emitter.setMaxListeners(100);
  }
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    this.emitter.emit('event', name, payload);
  }
  /** Every event; returns the unsubscribe function. */
  onAny(listener: (name: EventName, payload: unknown) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }
}
