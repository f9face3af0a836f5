// fs-ext ships no type declarations. This declares the part of its surface
// Tejido uses (advisory flock on an open file descriptor).
declare module 'fs-ext' {
  /** flock(2) operations: exclusive/shared, non-blocking, or unlock. */
  export type FlockOperation = 'sh' | 'ex' | 'shnb' | 'exnb' | 'un'
  /** Throws an Error with `code` (EAGAIN / EWOULDBLOCK when a non-blocking lock is held elsewhere). */
  export function flockSync(fd: number, operation: FlockOperation): void
}
