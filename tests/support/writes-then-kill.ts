/**
 * Creates listings through the operator API from several concurrent writers
 * and kills the server in their midst, once enough writes were acknowledged.
 * Before the kill every write must succeed; after it, failures are expected.
 */
export interface WritesThenKill {
  url: string
  token: string
  total: number
  killAfterAcks: number
  concurrency: number
  listing: (i: number) => Record<string, unknown>
  kill: () => void
}

/** The indexes of the acknowledged (201) writes, and whether the kill happened. */
export async function writeThenKill(o: WritesThenKill): Promise<{ acknowledged: number[]; killed: boolean }> {
  const acknowledged: number[] = []
  let next = 0
  let killed = false
  const worker = async () => {
    while (next < o.total) {
      const i = next++
      try {
        const res = await fetch(`${o.url}/api/listings`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${o.token}` },
          body: JSON.stringify(o.listing(i))
        })
        if (res.status === 201) acknowledged.push(i)
        else throw new Error(`unexpected ${res.status}: ${await res.text()}`)
      } catch (e) {
        if (!killed) throw e // before the kill every write must succeed
      }
      if (!killed && acknowledged.length >= o.killAfterAcks) {
        killed = true
        o.kill()
      }
    }
  }
  await Promise.all(Array.from({ length: o.concurrency }, worker))
  return { acknowledged, killed }
}
