import type { Logger } from 'pino';

/**
 * What start-up opened, closed in reverse order on shutdown (or when start-up fails half
 * way). A failing step is logged and the rest still run.
 */
export function shutdownStack(log: Logger) {
  const closers: (() => Promise<void>)[] = [];
  return {
    push(close: () => Promise<void>): void {
      closers.push(close);
    },
    async stop(): Promise<void> {
      while (closers.length > 0) {
        await closers.pop()!().catch((err: Error) => log.warn({ err: err.message }, 'shutdown step failed'));
      }
    },
  };
}
export type ShutdownStack = ReturnType<typeof shutdownStack>;
