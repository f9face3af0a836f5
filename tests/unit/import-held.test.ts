/**
 * The import page's held files (import-held.ts) and its multipart reader
 * (import-multipart.ts): a file is taken once, only by its owner, never
 * after it expires, and no more than MAX_HELD wait; the form reader finds
 * the fields and the file and refuses what is not the form it says it is.
 */
import { HeldImports, HELD_MS, MAX_HELD, type HeldImport } from '../../src/http/site/operators/import-held'
import { Readable } from 'node:stream'
import { readUpload } from '../../src/http/site/operators/import-multipart'

const file: HeldImport = { fileName: 'a.json', bytes: Buffer.from('[]'), format: 'json', encoding: 'utf-8', onConflict: 'update', moderation: 'approved' }

describe('held imports', () => {
  test('taken once, by its owner only, never after it expires', () => {
    let now = 1000
    const held = new HeldImports(() => now)
    const id = held.hold(file, 'owner-a') as string
    expect(held.take(id, 'owner-b')).toBeUndefined()
    expect(held.take(id, 'owner-a')).toEqual(file)
    expect(held.take(id, 'owner-a')).toBeUndefined()
    const late = held.hold(file, 'owner-a') as string
    now += HELD_MS
    expect(held.take(late, 'owner-a')).toBeUndefined()
    expect(held.size).toBe(0)
  })

  test('a session holds one file: the next it checks replaces it', () => {
    const held = new HeldImports()
    const first = held.hold(file, 'owner-a') as string
    const second = held.hold({ ...file, fileName: 'b.json' }, 'owner-a') as string
    expect(held.size).toBe(1)
    expect(held.take(first, 'owner-a')).toBeUndefined()
    expect(held.take(second, 'owner-a')?.fileName).toBe('b.json')
  })

  test(`at most ${MAX_HELD} wait at once; an expired one makes room`, () => {
    let now = 0
    const held = new HeldImports(() => now)
    for (let i = 0; i < MAX_HELD; i++) expect(held.hold(file, `o${i}`)).toBeDefined()
    expect(held.hold(file, 'one-more')).toBeUndefined()
    now += HELD_MS
    expect(held.hold(file, 'one-more')).toBeDefined()
  })
})

describe('the import form as multipart', () => {
  const boundary = '----tejido7MA4YWxkTrZu0gW'
  const body = (parts: string[]) => Buffer.from(`${parts.map((p) => `--${boundary}\r\n${p}\r\n`).join('')}--${boundary}--\r\n`, 'latin1')
  const request = (bytes: Buffer, type = `multipart/form-data; boundary=${boundary}`) =>
    Object.assign(Readable.from([bytes]), { headers: { 'content-type': type, 'content-length': String(bytes.length) } })
  const filePart = (content: string) => `Content-Disposition: form-data; name="file"; filename="caf\xe9.jsonl"\r\nContent-Type: application/octet-stream\r\n\r\n${content}`

  test('fields and the file, bytes as sent', async () => {
    const read = await readUpload(request(body([
      'Content-Disposition: form-data; name="_csrf"\r\n\r\ntok',
      'Content-Disposition: form-data; name="format"\r\n\r\njsonl',
      filePart('{"a":1}\r\n{"b":"\xe9"}')
    ])), 1000)
    expect(read).toMatchObject({ ok: true, form: { fields: { _csrf: 'tok', format: 'jsonl' } } })
    expect(read.ok && read.form.file?.bytes).toEqual(Buffer.from('{"a":1}\r\n{"b":"\xe9"}', 'latin1'))
  })

  test('a file past the limit is too big, and is not kept', async () => {
    expect(await readUpload(request(body([filePart('x'.repeat(2000))])), 1000)).toEqual({ ok: false, reason: 'too-big' })
  })

  test.each([
    ['another type', request(Buffer.from('a=b'), 'application/x-www-form-urlencoded')],
    ['no boundary', request(Buffer.from('hello'), 'multipart/form-data')],
    ['a part without its end', request(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="x"\r\n\r\nnever closed`))]
  ])('%s is no form', async (_what, req) => {
    expect(await readUpload(req, 1000)).toEqual({ ok: false, reason: 'not-a-form' })
  })
})
