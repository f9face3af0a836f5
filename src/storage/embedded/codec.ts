/**
 * How documents become bytes: MessagePack (msgpackr) with shared record
 * structures — documents of one shape share their key lists, which makes
 * decoding several times faster than BSON here — plus extensions so ObjectId
 * round-trips as ObjectId (Date is native). The shared structures are kept
 * with the data; msgpackr only ever appends to them, so older documents stay
 * readable.
 */
import { Packr, Unpackr, addExtension } from 'msgpackr'
import { ObjectId } from 'mongodb'
import type { Doc } from './values'

const OBJECT_ID_EXT = 42

let registered = false
function registerExtensions(): void {
  if (registered) return
  registered = true
  addExtension({
    Class: ObjectId,
    type: OBJECT_ID_EXT,
    pack: (id: ObjectId) => Buffer.from(id.id),
    unpack: (bytes: Buffer) => new ObjectId(Buffer.from(bytes))
  })
}

export interface StructureStore {
  load(): object[] | undefined
  /** Persists the structures synchronously; false if they changed meanwhile. */
  save(structures: object[]): boolean
}

export interface Codec {
  encode(doc: Doc): Buffer
  decode(bytes: Buffer | Uint8Array): Doc
}

const plain = new Unpackr({ useRecords: false })
export const decodeStructures = (bytes: Buffer): object[] => plain.unpack(bytes) as object[]
export const encodeStructures = (structures: object[]): Buffer => new Packr({ useRecords: false }).pack(structures)

function createPackr(structures: StructureStore): Packr {
  return new Packr({
    getStructures: () => structures.load() ?? [],
    saveStructures: (s: object[]) => structures.save(s),
    maxSharedStructures: 512,
    // Maps with dynamic keys (nameMap: {es, fr...}) still become records;
    // cap how many shapes are shared so odd documents do not crowd them out.
    shouldShareStructure: (keys: string[]) => keys.length < 64
  })
}

export function createCodec(structures: StructureStore): Codec {
  registerExtensions()
  let packr = createPackr(structures)
  return {
    encode: (doc) => {
      try {
        return packr.pack(doc)
      } catch (error) {
        // A failed save of new structures (a full disk) leaves this packr
        // knowing record ids that were never stored: start again from the
        // stored ones, so no document is ever written with an unknown id.
        packr = createPackr(structures)
        throw error
      }
    },
    decode: (bytes) => packr.unpack(bytes) as Doc
  }
}
