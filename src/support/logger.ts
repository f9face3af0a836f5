/** Structured JSON logs (pino), one logger built at the composition root. */
import pino, { type Logger } from 'pino'
import type { LogLevel } from '../config/config'

export function createLogger(level: LogLevel): Logger {
  return pino({ level, base: { service: 'tejido' }, timestamp: pino.stdTimeFunctions.isoTime })
}
