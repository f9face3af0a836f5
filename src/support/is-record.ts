/** Whether a value read from outside (JSON, a file's row) is an object of named fields, not null or an array. */
export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
