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

  /** Anything that can be added to the map or to a layer group. */
  interface Layer {
    addTo(target: Map | LayerGroup): this
    on(type: string, fn: (event: LeafletMouseEvent) => void): this
  }

  interface Map {
    setView(center: LatLngTuple, zoom: number): this
    fitBounds(bounds: LatLngBounds): this
    getBounds(): LatLngBounds
    getZoom(): number
    /** Measures the container again (after it was hidden). */
    invalidateSize(): this
    on(type: string, fn: (event: LeafletMouseEvent) => void): this
  }

  interface LayerGroup extends Layer {
    clearLayers(): this
  }

  interface FeatureGroup extends LayerGroup {
    getBounds(): LatLngBounds
  }

  type TileLayer = Layer

  interface DivIcon {
    readonly options: DivIconOptions
  }

  interface DivIconOptions {
    html: string
    className: string
    iconSize: LatLngTuple
  }

  interface MarkerOptions {
    icon: DivIcon
    title?: string
    alt?: string
    keyboard: boolean
  }

  interface Marker extends Layer {
    bindPopup(content: () => HTMLElement): this
    setLatLng(at: LatLngTuple): this
    getElement(): HTMLElement | undefined
  }

  function map(element: string | HTMLElement, options?: { worldCopyJump?: boolean; keyboard?: boolean; scrollWheelZoom?: boolean }): Map
  function tileLayer(urlTemplate: string | undefined, options: { attribution?: string; maxZoom: number }): TileLayer
  function layerGroup(): LayerGroup
  function featureGroup(layers: Layer[]): FeatureGroup
  function marker(at: LatLngTuple, options: MarkerOptions): Marker
  function divIcon(options: DivIconOptions): DivIcon
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
