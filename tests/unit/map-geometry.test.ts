/**
 * The search map's arithmetic (web/static/map-geometry.js), run as the
 * browser gets it: the script is evaluated in a sandbox whose `window`
 * receives what it exports.
 */
import fs from 'node:fs'
import path from 'node:path'
import vm from 'node:vm'

type Offset = [number, number]
interface Geometry {
  visibleBox(west: number, south: number, east: number, north: number): [number, number, number, number]
  boundsOf(lng: number[], lat: number[]): [[number, number], [number, number]] | null
  ringOffsets(n: number, spacing: number): Offset[]
  spreadLayout(items: Array<{ x: number; y: number }>, gap: number, spacing: number): { offsets: Offset[]; groups: Array<{ lead: number; members: number[]; ring: Offset[] }> }
}

function load(): Geometry {
  const window: { TejidoMapGeometry?: Geometry } = {}
  vm.runInNewContext(fs.readFileSync(path.resolve(__dirname, '../../web/static/map-geometry.js'), 'utf8'), { window })
  if (!window.TejidoMapGeometry) throw new Error('map-geometry.js left nothing on window')
  return window.TejidoMapGeometry
}
const geometry = load()

const minDistance = (points: Offset[]) => {
  let min = Infinity
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      const [a, b] = [points[i] as Offset, points[j] as Offset]
      min = Math.min(min, Math.hypot(a[0] - b[0], a[1] - b[1]))
    }
  }
  return min
}

describe('visibleBox: the view as a search bbox', () => {
  test.each([
    ['a view inside one world', [-99.31234, 19.11111, -98.91236, 19.61119], [-99.3124, 19.1111, -98.9123, 19.6112]],
    ['latitudes past the poles are clamped', [-10, -95, 10, 97], [-10, -90, 10, 90]],
    ['a view wider than the world is all of it', [-300, -60, 100, 70], [-180, -60, 180, 70]],
    ['a view panned one world east is brought back', [340, 10, 350, 20], [-20, 10, -10, 20]],
    ['a view across the 180th meridian crosses it (minLng > maxLng)', [170, -20, 190, -10], [170, -20, -170, -10]],
    ['the eastern edge of the world stays 180', [100, 0, 180, 10], [100, 0, 180, 10]],
    ['the western edge of the world stays -180', [-180, 0, -100, 10], [-180, 0, -100, 10]]
  ])('%s', (_what, input, expected) => {
    const [w, s, e, n] = input as [number, number, number, number]
    expect(geometry.visibleBox(w, s, e, n)).toEqual(expected)
  })

  test('rounds outwards: the box contains the whole view', () => {
    const [minLng, minLat, maxLng, maxLat] = geometry.visibleBox(-8.43131, 40.20691, -8.42169, 40.21089)
    expect(minLng).toBeLessThanOrEqual(-8.43131)
    expect(minLat).toBeLessThanOrEqual(40.20691)
    expect(maxLng).toBeGreaterThanOrEqual(-8.42169)
    expect(maxLat).toBeGreaterThanOrEqual(40.21089)
  })
})

describe('boundsOf: the box around the results', () => {
  test('south-west and north-east corners', () => {
    expect(geometry.boundsOf([-96.7, -99.1, -92.6], [17.1, 19.4, 16.7])).toEqual([[16.7, -99.1], [19.4, -92.6]])
  })
  test('one point is a box of no size (the fit then stops at its largest zoom)', () => {
    expect(geometry.boundsOf([-8.4], [40.2])).toEqual([[40.2, -8.4], [40.2, -8.4]])
  })
  test('no points: nothing to fit', () => {
    expect(geometry.boundsOf([], [])).toBeNull()
  })
})

describe('ringOffsets: where spread markers go', () => {
  test('two go above and below the spot, a spacing away', () => {
    expect(geometry.ringOffsets(2, 28)).toEqual([[0, -28], [0, 28]])
  })
  test.each([2, 3, 5, 8, 9, 20, 60])('%i markers are at least about a spacing apart, and away from the spot', (n) => {
    const ring = geometry.ringOffsets(n, 28)
    expect(ring).toHaveLength(n)
    expect(minDistance(ring)).toBeGreaterThanOrEqual(24) // a pin is 18 px wide
    expect(Math.min(...ring.map(([x, y]) => Math.hypot(x, y)))).toBeGreaterThanOrEqual(24)
  })
  test('the same count gives the same layout (deterministic)', () => {
    expect(geometry.ringOffsets(12, 28)).toEqual(geometry.ringOffsets(12, 28))
  })
})

describe('spreadLayout: markers at one spot spread apart', () => {
  test('lone markers stay where they are', () => {
    const layout = geometry.spreadLayout([{ x: 0, y: 0 }, { x: 100, y: 0 }, { x: 0, y: 100 }], 22, 28)
    expect(layout.offsets).toEqual([[0, 0], [0, 0], [0, 0]])
    expect(layout.groups).toEqual([])
  })

  test('markers at one spot are put on a ring around it, the first leading', () => {
    const layout = geometry.spreadLayout([{ x: 50, y: 50 }, { x: 50, y: 50 }, { x: 300, y: 0 }, { x: 50, y: 50 }], 22, 28)
    expect(layout.groups).toEqual([{ lead: 0, members: [0, 1, 3], ring: geometry.ringOffsets(3, 28) }])
    expect(layout.offsets[2]).toEqual([0, 0])
    const drawn = [0, 1, 3].map((i) => [50 + (layout.offsets[i] as Offset)[0], 50 + (layout.offsets[i] as Offset)[1]] as Offset)
    expect(minDistance(drawn)).toBeGreaterThanOrEqual(24)
  })

  test('near-identical markers (a few pixels apart) are one group, drawn on the ring around the first', () => {
    const items = [{ x: 10, y: 10 }, { x: 13, y: 11 }]
    const layout = geometry.spreadLayout(items, 22, 28)
    const ring = geometry.ringOffsets(2, 28)
    expect(layout.offsets).toEqual([ring[0], [10 + (ring[1] as Offset)[0] - 13, 10 + (ring[1] as Offset)[1] - 11]])
  })

  test('closeness carries through: a chain of markers each near the next is one group', () => {
    const layout = geometry.spreadLayout([{ x: 0, y: 0 }, { x: 15, y: 0 }, { x: 30, y: 0 }, { x: 200, y: 0 }], 22, 28)
    expect(layout.groups.map((g) => g.members)).toEqual([[0, 1, 2]])
  })

  test('markers a pin apart or more are left alone', () => {
    expect(geometry.spreadLayout([{ x: 0, y: 0 }, { x: 22, y: 0 }], 22, 28).groups).toEqual([])
  })

  test('a thousand markers at one spot: all spread, in linear-ish time, none on another', () => {
    const items = Array.from({ length: 1000 }, () => ({ x: 500, y: 500 }))
    const layout = geometry.spreadLayout(items, 22, 28)
    expect(layout.groups).toHaveLength(1)
    expect(new Set(layout.offsets.map((o) => o.join(','))).size).toBe(1000)
  })
})
