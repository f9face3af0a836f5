/** /directory pages stay under their byte budget and carry on where they stopped. */
import { directoryPage, decodeCursor } from '../../src/federation/directory-collection'
import type { DirectoryChange } from '../../src/directory/listing-store'

const changes: DirectoryChange[] = Array.from({ length: 10 }, (_, i) => ({
  kind: 'tombstone', id: `https://b.test/orgs/l${i}`, at: new Date(Date.UTC(2026, 0, 10 - i)),
  tombstone: { id: `https://b.test/orgs/l${i}`, origin: 'https://b.test', deleted: new Date(Date.UTC(2026, 0, 10 - i)) }
} as unknown as DirectoryChange))
const big = (c: DirectoryChange) => ({ id: c.id, type: 'Tombstone', padding: 'x'.repeat(1000) })

test('a page is cut when its items pass the byte budget, and next starts after the last item shown', () => {
  const page = JSON.parse(directoryPage('https://b.test/directory', changes, big, { pageSize: 10, maxBytes: 3000 })) as { orderedItems: Array<{ id: string }>; next?: string }
  expect(page.orderedItems.map((i) => i.id)).toEqual(changes.slice(0, 3).map((c) => c.id))
  const cursor = decodeCursor(new URL(page.next as string).searchParams.get('before') as string)
  expect(cursor?.id).toBe(changes[2]?.id)
})

test('a short last page has no next; a full one has', () => {
  const last = JSON.parse(directoryPage('https://b.test/directory', changes, big, { pageSize: 20 })) as { orderedItems: unknown[]; next?: string }
  expect(last.orderedItems).toHaveLength(10)
  expect(last.next).toBeUndefined()
  const full = JSON.parse(directoryPage('https://b.test/directory', changes, big, { pageSize: 10 })) as { next?: string }
  expect(full.next).toContain('before=')
})

test('one item larger than the budget still makes a page', () => {
  const page = JSON.parse(directoryPage('https://b.test/directory', changes, big, { pageSize: 10, maxBytes: 10 })) as { orderedItems: unknown[]; next?: string }
  expect(page.orderedItems).toHaveLength(1)
  expect(page.next).toBeDefined()
})
