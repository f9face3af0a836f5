/**
 * Reads of typed-array cells the caller knows to be in bounds (a slot below
 * the slot count, a cell inside its slot's region, a match below the match
 * count). Under `noUncheckedIndexedAccess` an index read is `number |
 * undefined`; these state "in bounds" once, here, rather than with a cast at
 * every site. One function per array type keeps each monomorphic, so V8
 * inlines them into the hot loops.
 *
 * Bind them once per module (`import * as cells` then `const { i32 } =
 * cells`): under tsx every call to a named import goes through the module's
 * export getter, which V8 stopped inlining in the bigger loops — searches ran
 * up to ten times slower. A module-level const is a plain call, inlined.
 */
export const i32 = (a: Int32Array, i: number): number => a[i] as number
export const f64 = (a: Float64Array, i: number): number => a[i] as number
export const f32 = (a: Float32Array, i: number): number => a[i] as number
export const u16 = (a: Uint16Array, i: number): number => a[i] as number
export const u8 = (a: Uint8Array, i: number): number => a[i] as number

/** Adds one to a count. */
export const bump = (counts: Int32Array, i: number): void => {
  counts[i] = i32(counts, i) + 1
}
