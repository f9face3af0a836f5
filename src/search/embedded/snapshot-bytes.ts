/** Typed arrays to and from bytes for snapshots (copied: unpacked buffers need not be aligned). */
export const bytesOf = (a: Int32Array | Float64Array | Int8Array | Uint16Array | Float32Array): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength)

const aligned = (b: Uint8Array): ArrayBuffer => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer
export const int32s = (b: Uint8Array): Int32Array<ArrayBuffer> => new Int32Array(aligned(b))
export const float64s = (b: Uint8Array): Float64Array<ArrayBuffer> => new Float64Array(aligned(b))
export const int8s = (b: Uint8Array): Int8Array<ArrayBuffer> => new Int8Array(aligned(b))
export const uint16s = (b: Uint8Array): Uint16Array<ArrayBuffer> => new Uint16Array(aligned(b))
