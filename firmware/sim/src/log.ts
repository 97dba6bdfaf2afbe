/**
 * Terse, human log lines for a CLI tool. The `Log` shape is pino's (`info(fields, msg)`), so an
 * integration test can pass a pino logger, or `silentLog`, instead.
 */
export type LogFields = Record<string, unknown>;
type LogFn = (fields: LogFields, message: string) => void;
export type Log = { debug: LogFn; info: LogFn; warn: LogFn; error: LogFn };

const noop: LogFn = () => undefined;
export const silentLog: Log = { debug: noop, info: noop, warn: noop, error: noop };

/** `12:00:01.234 WARN  sim-sim-001 ack rejected pressId=abc-4 reason=rate_limited` */
export function formatLine(level: string, fields: LogFields, message: string, at: Date): string {
  const { device, ...rest } = fields;
  const extras = Object.entries(rest)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  const who = device === undefined ? [] : [String(device)];
  return [at.toISOString().slice(11, 23), level.toUpperCase().padEnd(5), ...who, message, ...extras].join(' ');
}

export function createConsoleLog(options: { verbose: boolean; write?: (line: string) => void }): Log {
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  const at = (level: string): LogFn => (fields, message) => write(formatLine(level, fields, message, new Date()));
  return { debug: options.verbose ? at('debug') : noop, info: at('info'), warn: at('warn'), error: at('error') };
}
