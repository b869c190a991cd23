// Push events from main to every connected renderer, validated against the contract so a
// renderer never receives a shape it was not promised.
import type { EventChannel } from '../../src-shared/contract/channels';
import { events, type EventPayloadOf } from '../../src-shared/contract/contract';

export type EventSink = (channel: EventChannel, payload: unknown) => void;

export class EventHub {
  private readonly sinks = new Set<EventSink>();

  /** Returns a function that removes the sink. */
  addSink(sink: EventSink): () => void {
    this.sinks.add(sink);
    return () => this.sinks.delete(sink);
  }

  emit<E extends EventChannel>(channel: E, payload: EventPayloadOf<E>): void {
    const checked = events[channel].parse(payload);
    for (const sink of this.sinks) sink(channel, checked);
  }
}
