/**
 * Where demo listings are: for each demo city, a few neighbourhoods, each
 * with its postcode (when the country writes one) and real streets, and the
 * way that country writes an address ("Calle de Abasolo 215, Col. Centro,
 * 68000 Oaxaca", "12 rue de Belleville, 75020 Paris", "Rua Augusta, 1200 –
 * Consolação, São Paulo, 01302-000"). The organisations are fictional; the
 * streets are real, the numbers drawn.
 */

/** How a country writes a street address. */
type Style = 'mx' | 'after' | 'co' | 'gt' | 'ni' | 'comma' | 'br' | 'us' | 'gb' | 'fr' | 'qc' | 'de' | 'af' | 'afr' | 'luso'

/** A city's places: its address style, neighbourhoods as [postcode ('' when unused), ...streets], and its name in addresses when that differs. */
interface CityPlaces { style: Style; areas: Record<string, readonly string[]>; town?: string }

const P: Record<string, CityPlaces> = {
  Oaxaca: { style: 'mx', areas: { Centro: ['68000', 'Calle Macedonio Alcalá', 'Calle Manuel García Vigil'], Jalatlaco: ['68080', 'Calle Hidalgo', 'Calle Aldama'], Reforma: ['68050', 'Calle Amapolas', 'Calle Pensamientos'] } },
  'Ciudad de México': { style: 'mx', areas: { 'Roma Norte': ['06700', 'Calle Colima', 'Calle Orizaba'], 'Coyoacán': ['04000', 'Calle Francisco Sosa', 'Calle Higuera'], 'Santa María la Ribera': ['06400', 'Calle Sabino', 'Calle Jaime Torres Bodet'] } },
  Guadalajara: { style: 'mx', areas: { Americana: ['44160', 'Calle Libertad', 'Calle José Guadalupe Zuno'], Centro: ['44100', 'Calle Pedro Moreno', 'Avenida Juárez'], 'Santa Teresita': ['44600', 'Calle Juan Manuel', 'Calle Herrera y Cairo'] } },
  'San Cristóbal de las Casas': { style: 'mx', areas: { Centro: ['29200', 'Calle Diego de Mazariegos', 'Avenida 16 de Septiembre'], 'Barrio de Guadalupe': ['29230', 'Calle Real de Guadalupe', 'Calle Ejército Nacional'], 'Barrio de Mexicanos': ['29240', 'Calle Chiapa de Corzo', 'Calle Ignacio Allende'] } },
  'Bogotá': { style: 'co', areas: { Chapinero: ['', 'Carrera 7', 'Calle 57'], 'La Candelaria': ['', 'Calle 11', 'Carrera 4'], Teusaquillo: ['', 'Carrera 19', 'Calle 39'] } },
  'Medellín': { style: 'co', areas: { Laureles: ['', 'Carrera 76', 'Circular 4'], 'El Poblado': ['', 'Carrera 43A', 'Calle 10'], Manrique: ['', 'Carrera 45', 'Calle 67'] } },
  Quito: { style: 'after', areas: { 'La Floresta': ['', 'Calle Lugo', 'Avenida Madrid'], 'La Mariscal': ['', 'Calle Juan León Mera', 'Avenida Amazonas'], 'Centro Histórico': ['', 'Calle García Moreno', 'Calle Venezuela'] } },
  Lima: { style: 'after', areas: { Miraflores: ['', 'Avenida José Larco', 'Calle Berlín'], Barranco: ['', 'Avenida Pedro de Osma', 'Jirón Batallón Ayacucho'], 'Jesús María': ['', 'Avenida Salaverry', 'Jirón Huiracocha'] } },
  'La Paz': { style: 'after', areas: { Sopocachi: ['', 'Avenida 20 de Octubre', 'Calle Rosendo Gutiérrez'], Miraflores: ['', 'Avenida Busch', 'Calle Díaz Romero'], 'San Pedro': ['', 'Calle Colombia', 'Calle Nicolás Acosta'] } },
  Santiago: { style: 'after', areas: { 'Barrio Italia': ['', 'Avenida Italia', 'Condell'], 'Barrio Yungay': ['', 'Libertad', 'Esperanza'], 'Ñuñoa': ['', 'Avenida Irarrázaval', 'Jorge Washington'] } },
  'Buenos Aires': { style: 'after', areas: { Almagro: ['', 'Avenida Corrientes', 'Bulnes'], 'San Telmo': ['', 'Defensa', 'Chile'], 'Villa Crespo': ['', 'Thames', 'Avenida Warnes'] } },
  Rosario: { style: 'after', areas: { Centro: ['', 'Córdoba', 'San Lorenzo'], Pichincha: ['', 'Avenida Pellegrini', 'Jujuy'], Echesortu: ['', 'Mendoza', 'Avenida Francia'] } },
  Montevideo: { style: 'after', areas: { 'Cordón': ['', 'Avenida 18 de Julio', 'Gaboto'], 'Ciudad Vieja': ['', 'Sarandí', 'Bartolomé Mitre'], 'Parque Rodó': ['', 'Jackson', 'Bulevar España'] } },
  'São Paulo': { style: 'br', areas: { 'Consolação': ['01302-000', 'Rua Augusta', 'Rua Frei Caneca'], Pinheiros: ['05422-000', 'Rua dos Pinheiros', 'Rua Cardeal Arcoverde'], 'Bela Vista': ['01310-000', 'Rua Treze de Maio', 'Rua Rui Barbosa'] } },
  'Porto Alegre': { style: 'br', areas: { 'Cidade Baixa': ['90050-000', 'Rua da República', 'Rua João Alfredo'], 'Bom Fim': ['90035-000', 'Rua Fernandes Vieira', 'Avenida Osvaldo Aranha'], 'Centro Histórico': ['90010-000', 'Rua dos Andradas', 'Avenida Borges de Medeiros'] } },
  Recife: { style: 'br', areas: { 'Boa Vista': ['50050-000', 'Rua da Aurora', 'Rua do Hospício'], 'Santo Antônio': ['50010-000', 'Rua do Imperador', 'Rua da Palma'], 'Casa Forte': ['52061-000', 'Avenida Dezessete de Agosto', 'Rua Capitão Rebelinho'] } },
  'Belo Horizonte': { style: 'br', areas: { 'Santa Tereza': ['31010-000', 'Rua Mármore', 'Rua Paraisópolis'], 'Funcionários': ['30140-000', 'Rua Sergipe', 'Avenida Getúlio Vargas'], Floresta: ['30150-000', 'Rua Itajubá', 'Avenida do Contorno'] } },
  Havana: { style: 'after', town: 'La Habana', areas: { Vedado: ['', 'Calle 23', 'Calle Línea'], 'Centro Habana': ['', 'Calle San Lázaro', 'Calle Neptuno'], 'Habana Vieja': ['', 'Calle Obispo', 'Calle Mercaderes'] } },
  'San Juan': { style: 'after', areas: { Santurce: ['', 'Calle Loíza', 'Avenida Ponce de León'], 'Río Piedras': ['', 'Calle Brumbaugh', 'Avenida Universidad'], 'Viejo San Juan': ['', 'Calle San Sebastián', 'Calle de la Luna'] } },
  'Guatemala City': { style: 'gt', town: 'Ciudad de Guatemala', areas: { 'Zona 1': ['', '6a Avenida', '9a Calle'], 'Zona 4': ['', 'Vía 5', '7a Avenida'], 'Zona 10': ['', '13 Calle', 'Avenida La Reforma'] } },
  Managua: { style: 'ni', areas: { 'Barrio Altamira': ['', 'De la rotonda 2 cuadras al lago', 'Del parque 1 cuadra al sur'], Bolonia: ['', 'Del canal 2 cuadras abajo', 'De la iglesia 3 cuadras al oeste'], 'Ciudad Jardín': ['', 'Del mercado 1 cuadra arriba', 'De la farmacia 2 cuadras al norte'] } },
  Oakland: { style: 'us', areas: { Fruitvale: ['CA 94601', 'International Blvd', 'Fruitvale Ave'], Temescal: ['CA 94609', 'Telegraph Ave', '40th St'], Downtown: ['CA 94612', 'Broadway', '14th St'] } },
  Detroit: { style: 'us', areas: { Corktown: ['MI 48216', 'Michigan Ave', 'Trumbull Ave'], Midtown: ['MI 48201', 'Cass Ave', 'Woodward Ave'], Southwest: ['MI 48209', 'W Vernor Hwy', 'Bagley St'] } },
  'New York': { style: 'us', areas: { 'East Harlem': ['NY 10029', 'E 116th St', 'Lexington Ave'], 'Lower East Side': ['NY 10002', 'Delancey St', 'Clinton St'], 'Washington Heights': ['NY 10033', 'St Nicholas Ave', 'W 181st St'] } },
  Jackson: { style: 'us', areas: { Fondren: ['MS 39216', 'North State St', 'Duling Ave'], Midtown: ['MS 39202', 'Millsaps Ave', 'Adelle St'], 'West Jackson': ['MS 39203', 'J R Lynch St', 'Robinson St'] } },
  'Montréal': { style: 'qc', areas: { 'Plateau-Mont-Royal': ['H2T 1S6', 'boulevard Saint-Laurent', 'rue Rachel Est'], Hochelaga: ['H1W 1B5', 'rue Ontario Est', 'rue Sainte-Catherine Est'], 'Saint-Henri': ['H4C 2P3', 'rue Notre-Dame Ouest', 'rue Saint-Ambroise'] } },
  Toronto: { style: 'us', areas: { 'Kensington Market': ['ON M5T 2L8', 'Augusta Ave', 'Baldwin St'], Parkdale: ['ON M6K 1L9', 'Queen St W', 'Cowan Ave'], Leslieville: ['ON M4M 1J5', 'Queen St E', 'Carlaw Ave'] } },
  'Port-au-Prince': { style: 'afr', areas: { 'Pétion-Ville': ['', 'Rue Lamarre', 'Rue Grégoire'], 'Bois Verna': ['', 'Rue Capois', 'Avenue Lamartinière'], Turgeau: ['', 'Avenue Jean Paul II', 'Rue Berne'] } },
  Barcelona: { style: 'comma', areas: { 'Sant Antoni': ['08011', 'Carrer del Comte Borrell', 'Carrer de Viladomat'], 'Gràcia': ['08012', 'Carrer de Verdi', 'Carrer de Torrijos'], Poblenou: ['08005', 'Rambla del Poblenou', 'Carrer de Pujades'] } },
  Madrid: { style: 'comma', areas: { 'Lavapiés': ['28012', 'Calle de Argumosa', 'Calle del Ave María'], 'Malasaña': ['28004', 'Calle del Espíritu Santo', 'Calle de San Vicente Ferrer'], Vallecas: ['28038', 'Calle de Peña Gorbea', 'Avenida de la Albufera'] } },
  Bilbao: { style: 'comma', areas: { 'Bilbao La Vieja': ['48003', 'Calle San Francisco', 'Calle Cortes'], Deusto: ['48014', 'Calle Lehendakari Aguirre', 'Avenida Madariaga'], Indautxu: ['48011', 'Calle Licenciado Poza', 'Calle Gregorio de la Revilla'] } },
  Lisboa: { style: 'comma', areas: { Intendente: ['1100-310', 'Rua dos Anjos', 'Rua do Benformoso'], 'Alcântara': ['1300-004', 'Rua Leão de Oliveira', 'Rua de Cascais'], 'Graça': ['1170-165', 'Rua da Graça', 'Rua Damasceno Monteiro'] } },
  Porto: { style: 'comma', areas: { Bonfim: ['4000-118', 'Rua do Heroísmo', 'Rua de Santos Pousada'], Cedofeita: ['4050-180', 'Rua de Cedofeita', 'Rua do Breiner'], Paranhos: ['4200-090', 'Rua de Costa Cabral', 'Rua de Delfim Maia'] } },
  Paris: { style: 'fr', areas: { Belleville: ['75020', 'rue de Belleville', 'rue des Envierges'], 'La Chapelle': ['75018', 'rue Marx Dormoy', 'rue Philippe de Girard'], 'Ménilmontant': ['75011', 'rue Oberkampf', 'rue Saint-Maur'] } },
  Lyon: { style: 'fr', areas: { 'Croix-Rousse': ['69004', 'boulevard de la Croix-Rousse', 'rue d’Austerlitz'], 'Guillotière': ['69007', 'rue de Marseille', 'Grande Rue de la Guillotière'], Vaise: ['69009', 'rue de Bourgogne', 'rue Saint-Pierre de Vaise'] } },
  Marseille: { style: 'fr', areas: { 'La Plaine': ['13006', 'rue des Trois Mages', 'rue Saint-Michel'], Belsunce: ['13001', 'rue d’Aix', 'rue Longue des Capucins'], 'La Belle de Mai': ['13003', 'rue Jobin', 'boulevard National'] } },
  Bruxelles: { style: 'de', areas: { 'Saint-Gilles': ['1060', 'Chaussée de Waterloo', 'Rue de la Victoire'], Molenbeek: ['1080', 'Rue Ransfort', 'Chaussée de Gand'], Marolles: ['1000', 'Rue Haute', 'Rue Blaes'] } },
  Berlin: { style: 'de', areas: { 'Neukölln': ['12043', 'Karl-Marx-Straße', 'Weserstraße'], Kreuzberg: ['10999', 'Oranienstraße', 'Reichenberger Straße'], Wedding: ['13347', 'Müllerstraße', 'Malplaquetstraße'] } },
  Leipzig: { style: 'de', areas: { Connewitz: ['04277', 'Bornaische Straße', 'Wolfgang-Heinze-Straße'], Plagwitz: ['04229', 'Karl-Heine-Straße', 'Zschochersche Straße'], 'Südvorstadt': ['04275', 'Karl-Liebknecht-Straße', 'Kochstraße'] } },
  Amsterdam: { style: 'de', areas: { 'De Pijp': ['1072 LH', 'Ferdinand Bolstraat', 'Albert Cuypstraat'], 'Indische Buurt': ['1094 HB', 'Javastraat', 'Sumatrastraat'], Noord: ['1031 KS', 'Distelweg', 'Buiksloterweg'] } },
  Manchester: { style: 'gb', areas: { 'Northern Quarter': ['M4 1HN', 'Oldham Street', 'Tib Street'], Hulme: ['M15 5EU', 'Stretford Road', 'Bonsall Street'], Levenshulme: ['M19 3AB', 'Stockport Road', 'Chapel Street'] } },
  Glasgow: { style: 'gb', areas: { Govanhill: ['G42 7JB', 'Allison Street', 'Victoria Road'], Finnieston: ['G3 8LX', 'Argyle Street', 'Kelvinhaugh Street'], Dennistoun: ['G31 2EQ', 'Duke Street', 'Alexandra Parade'] } },
  Bologna: { style: 'comma', areas: { Pratello: ['40122', 'Via del Pratello', 'Via Pietralata'], Bolognina: ['40129', 'Via di Corticella', 'Via Piero Gobetti'], 'San Donato': ['40127', 'Via San Donato', 'Via del Lavoro'] } },
  Athina: { style: 'de', areas: { Exarcheia: ['106 81', 'Themistokleous', 'Kallidromiou'], Kypseli: ['113 61', 'Fokionos Negri', 'Agias Zonis'], Petralona: ['118 51', 'Troon', 'Kydantidon'] } },
  Zagreb: { style: 'de', areas: { 'Donji grad': ['10000', 'Ilica', 'Gundulićeva ulica'], 'Trešnjevka': ['10110', 'Ozaljska ulica', 'Selska cesta'], Maksimir: ['10000', 'Maksimirska cesta', 'Petrova ulica'] } },
  Dakar: { style: 'afr', areas: { 'Médina': ['', 'Rue 6', 'Avenue Blaise Diagne'], Fann: ['', 'Avenue Cheikh Anta Diop', 'Rue de Fann'], 'Sicap Liberté': ['', 'Rue SL 12', 'Avenue Bourguiba'] } },
  Abidjan: { style: 'afr', areas: { Cocody: ['', 'Boulevard Latrille', 'Rue des Jardins'], Plateau: ['', 'Avenue Chardy', 'Boulevard de la République'], Yopougon: ['', 'Rue Princesse', 'Boulevard de l’Université'] } },
  Ouagadougou: { style: 'afr', areas: { Koulouba: ['', 'Avenue de la Nation', 'Rue de la Chance'], Gounghin: ['', 'Avenue Kadiogo', 'Rue 17.45'], 'Zone du Bois': ['', 'Avenue du Burkina', 'Rue 13.20'] } },
  Bamako: { style: 'afr', areas: { Hamdallaye: ['', 'Avenue Cheick Zayed', 'Rue 260'], Badalabougou: ['', 'Avenue de l’OUA', 'Rue 108'], Hippodrome: ['', 'Avenue Al Qoods', 'Rue 224'] } },
  Accra: { style: 'af', areas: { Osu: ['', 'Oxford Street', 'Cantonments Road'], Labone: ['', 'Labone Crescent', 'Ring Road East'], Jamestown: ['', 'High Street', 'Cleland Road'] } },
  Lagos: { style: 'af', areas: { Yaba: ['', 'Herbert Macaulay Way', 'Commercial Avenue'], Ikeja: ['', 'Allen Avenue', 'Obafemi Awolowo Way'], Surulere: ['', 'Adeniran Ogunsanya Street', 'Bode Thomas Street'] } },
  Nairobi: { style: 'af', areas: { Kilimani: ['', 'Argwings Kodhek Road', 'Lenana Road'], Westlands: ['', 'Waiyaki Way', 'Mpaka Road'], Eastleigh: ['', 'First Avenue', 'General Waruinge Street'] } },
  Kampala: { style: 'af', areas: { Kamwokya: ['', 'Kira Road', 'Kisasi Road'], Ntinda: ['', 'Ntinda Road', 'Kimera Road'], Wandegeya: ['', 'Bombo Road', 'Haji Kasule Road'] } },
  'Dar es Salaam': { style: 'af', areas: { Kariakoo: ['', 'Msimbazi Street', 'Uhuru Street'], Sinza: ['', 'Shekilango Road', 'Sinza Road'], Mikocheni: ['', 'Old Bagamoyo Road', 'Mwai Kibaki Road'] } },
  Kigali: { style: 'afr', areas: { Kimihurura: ['', 'KG 7 Avenue', 'KG 5 Avenue'], Nyamirambo: ['', 'KN 2 Avenue', 'KN 120 Street'], Kacyiru: ['', 'KG 9 Avenue', 'KG 549 Street'] } },
  Johannesburg: { style: 'af', areas: { Braamfontein: ['2001', 'Juta Street', 'De Korte Street'], Newtown: ['2001', 'Bree Street', 'Miriam Makeba Street'], Soweto: ['1804', 'Vilakazi Street', 'Vundla Street'] } },
  'Cape Town': { style: 'af', areas: { Woodstock: ['7925', 'Albert Road', 'Victoria Road'], Observatory: ['7925', 'Lower Main Road', 'Station Road'], Khayelitsha: ['7784', 'Lwandle Road', 'Spine Road'] } },
  Maputo: { style: 'luso', areas: { 'Polana Cimento': ['', 'Avenida Julius Nyerere', 'Avenida 24 de Julho'], Malhangalene: ['', 'Avenida Vladimir Lenine', 'Rua da Malhangalene'], Baixa: ['', 'Avenida Samora Machel', 'Rua da Mesquita'] } },
  Luanda: { style: 'luso', areas: { Ingombota: ['', 'Rua Rainha Ginga', 'Rua Major Kanhangulo'], Maianga: ['', 'Avenida Comandante Valódia', 'Rua Joaquim Kapango'], Alvalade: ['', 'Rua Comandante Gika', 'Avenida Ho Chi Minh'] } },
  Tunis: { style: 'afr', areas: { 'Centre-ville': ['', 'Avenue Habib Bourguiba', 'Rue de Marseille'], Lafayette: ['', 'Rue de Palestine', 'Avenue de la Liberté'], 'Bab Souika': ['', 'Rue Bab Souika', 'Rue Halfaouine'] } },
  Casablanca: { style: 'afr', areas: { 'Maârif': ['', 'Rue Ibnou Mounir', 'Boulevard Bir Anzarane'], Centre: ['', 'Boulevard Mohammed V', 'Rue Tahar Sebti'], 'Hay Mohammadi': ['', 'Boulevard Ali Yaâta', 'Rue 18'] } },
  Cairo: { style: 'af', areas: { Downtown: ['', 'Talaat Harb Street', 'Champollion Street'], Dokki: ['', 'Tahrir Street', 'Mossadak Street'], Zamalek: ['', '26th of July Street', 'Brazil Street'] } }
}

interface Parts { street: string; n: number; area: string; postcode: string; town: string }

// Colombian "Carrera 7 # 45-12" and Guatemalan "6a Avenida 9-45" number by the cross street and the metres from it.
const cross = (n: number): string => `${(n % 90) + 1}-${String((n * 7) % 90 + 10).padStart(2, '0')}`
const tail = (postcode: string): string => (postcode ? ` ${postcode}` : '')

const FORMATS: Record<Style, (p: Parts) => string> = {
  mx: (p) => `${p.street} ${p.n}, Col. ${p.area}, ${p.postcode} ${p.town}`,
  after: (p) => `${p.street} ${p.n}, ${p.area}, ${p.town}`,
  co: (p) => `${p.street} # ${cross(p.n)}, ${p.area}, ${p.town}`,
  gt: (p) => `${p.street} ${cross(p.n)}, ${p.area}, ${p.town}`,
  ni: (p) => `${p.street}, ${p.area}, ${p.town}`,
  comma: (p) => `${p.street}, ${p.n}, ${p.postcode} ${p.town}`,
  br: (p) => `${p.street}, ${p.n} – ${p.area}, ${p.town}, ${p.postcode}`,
  us: (p) => `${p.n} ${p.street}, ${p.town}, ${p.postcode}`,
  gb: (p) => `${p.n} ${p.street}, ${p.area}, ${p.town} ${p.postcode}`,
  fr: (p) => `${p.n} ${p.street}, ${p.postcode} ${p.town}`,
  qc: (p) => `${p.n}, ${p.street}, ${p.town} (Québec) ${p.postcode}`,
  de: (p) => `${p.street} ${p.n}, ${p.postcode} ${p.town}`,
  af: (p) => `${p.n} ${p.street}, ${p.area}, ${p.town}${tail(p.postcode)}`,
  afr: (p) => `${p.street}, n° ${p.n}, ${p.area}, ${p.town}`,
  luso: (p) => `${p.street}, n.º ${p.n}, ${p.area}, ${p.town}`
}

/** A demo office: a place name ("Jalatlaco, Oaxaca") and its street address. */
export interface DemoPlace { name: string; address: string }

/** Whether the demo knows streets for `city` (a test keeps every demo city covered). */
export const hasPlaces = (city: string): boolean => city in P

/**
 * The `office`-th office (0, 1, ...) of a listing in `city`: each office in
 * another neighbourhood, from `pick` (a draw in [0, 1)) and house number `n`.
 */
export function demoPlace(city: string, office: number, pick: number, n: number): DemoPlace {
  const places = P[city]
  if (!places) return { name: city, address: `${n} Main Street, ${city}` }
  const areas = Object.keys(places.areas)
  const area = areas[(Math.floor(pick * areas.length) + office) % areas.length] as string
  const [postcode = '', ...streets] = places.areas[area] as readonly string[]
  const street = streets[Math.floor(pick * 1000) % streets.length] as string
  const address = FORMATS[places.style]({ street, n, area, postcode, town: places.town ?? city })
  return { name: `${area}, ${city}`, address }
}
