/** Runs tasks one after another, in the order they were queued. */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve()
  private pending = 0

  run<T>(task: () => Promise<T>): Promise<T> {
    this.pending++
    const result = this.tail.then(task, task)
    this.tail = result.catch(() => undefined).finally(() => this.pending--)
    return result
  }

  get size(): number {
    return this.pending
  }

  idle(): Promise<void> {
    return this.tail.then(() => undefined)
  }
}
