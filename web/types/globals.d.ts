/**
 * The parts of Leaflet (L) and supercluster that web/static's scripts use,
 * declared by hand: both are classic scripts in the page (globals), and these
 * few lines are all the checker needs. Kept here, not in web/static, so the
 * server does not publish them. Signatures follow Leaflet 1.9 and
 * supercluster 9; add to them when a script uses more.
 */

declare namespace L {
  type LatLngTuple = [number, number]

  interface LatLng {
    lat: number
    lng: number
  }

  interface LatLngBounds {
    getWest(): number
    getEast(): number
    getSouth(): number
    getNorth(): number
    pad(ratio: number): LatLngBounds
  }

  interface LeafletMouseEvent {
    latlng: LatLng
  }

  /** A screen position in pixels (Leaflet's Point). */
  interface Point {
    x: number
    y: number
  }

  /** [[south, west], [north, east]] */
  type LatLngBoundsLiteral = [LatLngTuple, LatLngTuple]

  interface FitBoundsOptions {
    padding?: [number, number]
    maxZoom?: number
    animate?: boolean
  }

  /** Anything that can be added to the map or to a layer group. */
  interface Layer {
    addTo(target: Map | LayerGroup): this
    on(type: string, fn: (event: LeafletMouseEvent) => void): this
  }

  interface Map {
    setView(center: LatLngTuple, zoom: number, options?: { animate?: boolean }): this
    fitBounds(bounds: LatLngBounds | LatLngBoundsLiteral, options?: FitBoundsOptions): this
    getBounds(): LatLngBounds
    getZoom(): number
    /** The container's size in pixels (0 × 0 while it is hidden, until measured again). */
    getSize(): Point
    getContainer(): HTMLElement
    /** Where a coordinate is in the world's pixels at a zoom. */
    project(at: LatLngTuple, zoom?: number): Point
    /** Measures the container again (after it was hidden). */
    invalidateSize(): this
    on(type: string, fn: (event: LeafletMouseEvent) => void): this
  }

  interface LayerGroup extends Layer {
    clearLayers(): this
    removeLayer(layer: Layer): this
  }

  interface FeatureGroup extends LayerGroup {
    getBounds(): LatLngBounds
  }

  type TileLayer = Layer

  interface DivIcon {
    readonly options: DivIconOptions
  }

  interface DivIconOptions {
    html: string | HTMLElement
    className: string
    /** Width and height in pixels, border included where the CSS says border-box. */
    iconSize: [number, number]
    /** Where, from the icon's top left, the marker's coordinates are (default: the middle). */
    iconAnchor?: [number, number]
    /** Where a popup's tip points, from the marker's coordinates. */
    popupAnchor?: [number, number]
  }

  interface MarkerOptions {
    icon: DivIcon
    title?: string
    alt?: string
    keyboard: boolean
    interactive?: boolean
    zIndexOffset?: number
  }

  interface Marker extends Layer {
    bindPopup(content: () => HTMLElement, options?: { autoPanPaddingTopLeft?: Point | [number, number] }): this
    setLatLng(at: LatLngTuple): this
    getElement(): HTMLElement | undefined
  }

  function map(element: string | HTMLElement, options?: { worldCopyJump?: boolean; keyboard?: boolean; scrollWheelZoom?: boolean; trackResize?: boolean }): Map
  function tileLayer(urlTemplate: string | undefined, options: { attribution?: string; maxZoom: number }): TileLayer
  function layerGroup(): LayerGroup
  function featureGroup(layers: Layer[]): FeatureGroup
  function marker(at: LatLngTuple, options: MarkerOptions): Marker
  function divIcon(options: DivIconOptions): DivIcon

  namespace DomEvent {
    /** Clicks (and double clicks) in the element do not reach the map under it. */
    function disableClickPropagation(element: HTMLElement): void
    /** Wheel scrolls in the element do not zoom the map under it. */
    function disableScrollPropagation(element: HTMLElement): void
  }
}

/** A GeoJSON point feature as supercluster takes and gives it. */
interface SuperclusterPoint<P> {
  type: 'Feature'
  geometry: { type: 'Point'; coordinates: [number, number] }
  properties: P
}

/** What supercluster puts in a cluster's properties. */
interface SuperclusterClusterProperties {
  cluster: true
  cluster_id: number
  point_count: number
}

/** supercluster's index of points; `P` is what each point carries. */
declare class Supercluster<P> {
  constructor(options: { radius: number; maxZoom: number })
  load(points: Array<SuperclusterPoint<P>>): this
  /** The clusters and single points in a bbox [west, south, east, north] at a zoom. */
  getClusters(bbox: [number, number, number, number], zoom: number): Array<SuperclusterPoint<SuperclusterClusterProperties> | SuperclusterPoint<P & { cluster?: undefined }>>
  getClusterExpansionZoom(clusterId: number): number
}

/** GET /api/search.points: a search's points in columns (src/http/api/map-points.ts). */
interface MapPoints {
  count: number
  lng: number[]
  lat: number[]
  id: string[]
  name: string[]
  /** Each point's position in `places`, -1 for none. */
  place: number[]
  places: string[]
  /** Each point's services, as positions in `serviceLabels`. */
  services: number[][]
  serviceLabels: string[]
  /** When the query named a place: it and its nearest results, [[south, west], [north, east]], framed rather than every point. */
  frame?: { place: string; box: [[number, number], [number, number]] }
}

/** web/static/map-geometry.js */
interface TejidoMapGeometry {
  visibleBox(west: number, south: number, east: number, north: number): [number, number, number, number]
  boundsOf(lng: number[], lat: number[]): [[number, number], [number, number]] | null
  ringOffsets(n: number, spacing: number): Array<[number, number]>
  spreadLayout(items: Array<{ x: number; y: number }>, gap: number, spacing: number): {
    offsets: Array<[number, number]>
    groups: Array<{ lead: number; members: number[]; ring: Array<[number, number]> }>
  }
}

/** web/static/map-area.js */
interface TejidoMapArea {
  attach(map: L.Map, overlay: HTMLElement, form: HTMLFormElement, messages: { searchArea: string; anywhere: string }): {
    moves(): number
    quietly(move: () => void): void
    searched(params: URLSearchParams, refitted: boolean): void
  }
}

/** web/static/map-markers.js */
interface TejidoMapMarkers {
  PIN: number
  create(options: { numbers: Intl.NumberFormat; messages: { results: string; services: string }; profileHref: (id: string) => string; popupTopLeft: L.Point }): {
    cluster(at: L.LatLngTuple, count: number): L.Marker
    pin(points: MapPoints, i: number, at: L.LatLngTuple, offset: [number, number]): L.Marker
    spot(at: L.LatLngTuple, ring: Array<[number, number]>): L.Marker
  }
}

/** The map's scripts, each a classic script that leaves its part on window for map.js. */
interface Window {
  TejidoMapGeometry: TejidoMapGeometry
  TejidoMapArea: TejidoMapArea
  TejidoMapMarkers: TejidoMapMarkers
}
