/**
 * In-process stream of domain events for SSE and, later, notifications. Events are published
 * after their transaction commits. A short history lets an SSE client resume with Last-Event-ID.
 */
import { EventEmitter } from 'node:events';

export type DashEventType = 'ticket.created' | 'ticket.merged' | 'ticket.updated' | 'device.updated' | 'notification';
export type DashEvent = { id: number; type: DashEventType; occurredAt: string; data: Record<string, unknown> };
type Listener = (event: DashEvent) => void;

const frames = new WeakMap<DashEvent, Buffer>();

/**
 * The whole SSE frame of the event (`id`, `event`, `data`) as bytes, serialised and encoded
 * once however many boards receive it. JSON.stringify escapes newlines, so the data is one
 * line as SSE requires.
 */
export function eventFrame(event: DashEvent): Buffer {
  let frame = frames.get(event);
  if (frame === undefined) {
    frame = Buffer.from(`id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
    frames.set(event, frame);
  }
  return frame;
}

export class EventBus {
  private readonly emitter = new EventEmitter();
  private readonly history: DashEvent[] = [];
  private nextId = 1;

  constructor(private readonly historySize = 1000) {
    this.emitter.setMaxListeners(0); // one per SSE client
  }

  publish(type: DashEventType, data: Record<string, unknown>, occurredAt = new Date()): DashEvent {
    const event: DashEvent = { id: this.nextId++, type, occurredAt: occurredAt.toISOString(), data };
    this.history.push(event);
    if (this.history.length > this.historySize) this.history.shift();
    this.emitter.emit('event', event);
    return event;
  }

  /** Events after `lastId` still in the history; `complete` is false when some were dropped. */
  since(lastId: number): { events: DashEvent[]; complete: boolean } {
    const events = this.history.filter((e) => e.id > lastId);
    const oldest = this.history[0]?.id ?? this.nextId;
    return { events, complete: lastId + 1 >= oldest };
  }

  /** Listeners now: one per open SSE board, plus the notification dispatcher. */
  get subscriberCount(): number {
    return this.emitter.listenerCount('event');
  }

  subscribe(listener: Listener): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }
}
