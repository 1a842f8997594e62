import type { Logger } from '../../core/ports';

/** Severity of a log line. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Field names whose values are replaced before a line is written, whoever logs them. */
const SECRET_FIELD = /password|secret|token|authorization|cookie/i;

function redact(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(fields).map(([k, v]) => {
      if (SECRET_FIELD.test(k)) return [k, '[redacted]'];
      if (v instanceof Error) return [k, { name: v.name, message: v.message, stack: v.stack }];
      return [k, v];
    }),
  );
}

/** Writes one JSON object per line: easy to read in a terminal, easy to ship to a log store. */
export class JsonLogger implements Logger {
  constructor(
    private readonly level: LogLevel,
    private readonly write: (line: string) => void = (line) => process.stdout.write(line),
  ) {}

  debug(message: string, fields: Record<string, unknown> = {}): void {
    this.log('debug', message, fields);
  }
  info(message: string, fields: Record<string, unknown> = {}): void {
    this.log('info', message, fields);
  }
  warn(message: string, fields: Record<string, unknown> = {}): void {
    this.log('warn', message, fields);
  }
  error(message: string, fields: Record<string, unknown> = {}): void {
    this.log('error', message, fields);
  }

  private log(level: LogLevel, message: string, fields: Record<string, unknown>): void {
    if (RANK[level] < RANK[this.level]) return;
    this.write(`${JSON.stringify({ time: new Date().toISOString(), level, message, ...redact(fields) })}\n`);
  }
}

/** A logger that writes nothing (tests that do not look at logs). */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
