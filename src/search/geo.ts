/** Great-circle distance and box tests, in kilometres and degrees. */
const R = 6371.0088

export function haversineKm(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const toRad = Math.PI / 180
  const dLat = (lat2 - lat1) * toRad
  const dLng = (lng2 - lng1) * toRad
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * toRad) * Math.cos(lat2 * toRad) * Math.sin(dLng / 2) ** 2
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(a)))
}

/** Inside a bounding box; a box whose minLng > maxLng crosses the antimeridian. */
export function inBox(lat: number, lng: number, box: { minLng: number; minLat: number; maxLng: number; maxLat: number }): boolean {
  if (lat < box.minLat || lat > box.maxLat) return false
  return box.minLng <= box.maxLng ? lng >= box.minLng && lng <= box.maxLng : lng >= box.minLng || lng <= box.maxLng
}
