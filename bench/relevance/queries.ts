/**
 * The benchmark's queries, typed as people type them: need + place, pure
 * needs, places alone, co-op names; with and without accents, with typos
 * (adjacent transpositions among them), with stop words, in the words people
 * use rather than the vocabulary's labels. Each row says what it asks for
 * (services, place), from which judgments.ts grades every listing.
 *
 * Row: [query, language, needs, place, traits]
 * - needs: services separated by '|' answer one need; needs separated by ' + '
 *   must all be met ('' for none);
 * - place: a city of cities.ts, 'country:XX', 'region:XX-YYY' or '';
 * - traits (for the breakdown): typo, transposition, no-accents, synonym (the
 *   need is said in words that are not the vocabulary's label), nearby (the
 *   place has few or no listings; the answer is around it). Stop words,
 *   place, need-only, two-needs and name are added from the row itself.
 */
import { city, type Lang } from './cities'
import type { CorpusEntry } from './corpus'
import type { Intent } from './judgments'
import { isServiceId } from '../../src/directory/vocabulary'
import { STOP_WORDS, fold } from './text'

/** One query of the benchmark and what it asks for. */
export interface QuerySpec { q: string; lang: Lang; intent: Intent; traits: string[] }

type Row = [q: string, lang: Lang, needs: string, place: string, traits: string]

const WEB = 'website-development|web-design'
const SITE_AND_MAIL = 'website-development|web-design|web-hosting + email-hosting|encrypted-email'

const ROWS: Row[] = [
  // Spanish (Mexico, Central and South America, Spain)
  ['correo seguro Oaxaca', 'es', 'encrypted-email', 'Oaxaca', 'synonym'],
  ['correo cifrado Oaxaca', 'es', 'encrypted-email', 'Oaxaca', ''],
  ['correo cifardo oaxaca', 'es', 'encrypted-email', 'Oaxaca', 'typo transposition'],
  ['correo electrónico para la cooperativa en Sevilla', 'es', 'email-hosting', 'Sevilla', ''],
  ['alojamiento web en Guadalajara', 'es', 'web-hosting', 'Guadalajara', ''],
  ['alojamietno web guadalajara', 'es', 'web-hosting', 'Guadalajara', 'typo transposition'],
  ['hosting para paginas web cdmx', 'es', 'web-hosting', 'Ciudad de México', 'synonym no-accents'],
  ['hospedaje web ciudad de mexico', 'es', 'web-hosting', 'Ciudad de México', 'synonym no-accents'],
  ['diseño de páginas web Bogotá', 'es', WEB, 'Bogotá', ''],
  ['diseno de paginas web bogota', 'es', WEB, 'Bogotá', 'no-accents'],
  ['desarollo de software Medellín', 'es', 'software-development', 'Medellín', 'typo'],
  ['programadores de software libre en Medellin', 'es', 'software-development|free-software-support', 'Medellín', 'synonym no-accents'],
  ['capacitación en seguridad digital para organizaciones', 'es', 'security-training', '', 'synonym'],
  ['talleres de seguridad digital para periodistas', 'es', 'security-training', '', ''],
  ['talleres de programacion para jovenes Lima', 'es', 'coding-workshops', 'Lima', 'no-accents'],
  ['redes comunitarias Oaxaca', 'es', 'community-networks', 'Oaxaca', ''],
  ['internet comunitario en Chiapas', 'es', 'community-networks|internet-access', 'region:MX-CHP', 'synonym'],
  ['soporte informatico Rosario', 'es', 'it-support', 'Rosario', 'no-accents'],
  ['reparación de computadoras Buenos Aires', 'es', 'hardware-repair', 'Buenos Aires', ''],
  ['arreglo de computadoras buenos aires', 'es', 'hardware-repair', 'Buenos Aires', 'synonym'],
  ['vpn en Santiago', 'es', 'vpn', 'Santiago', ''],
  ['auditoría de seguridad Montevideo', 'es', 'security-audits', 'Montevideo', ''],
  ['auditoria de seguridad informatica montevideo', 'es', 'security-audits', 'Montevideo', 'no-accents'],
  ['videollamadas seguras para sindicatos', 'es', 'video-conferencing', '', 'synonym'],
  ['tienda en línea para nuestra cooperativa Quito', 'es', 'ecommerce', 'Quito', ''],
  ['traducción y subtítulos La Paz', 'es', 'translation', 'La Paz', ''],
  ['mapeo comunitario Medellín', 'es', 'mapping-gis', 'Medellín', ''],
  ['copias de seguridad Madrid', 'es', 'backup-services', 'Madrid', ''],
  ['respaldo de datos Madrid', 'es', 'backup-services', 'Madrid', 'synonym'],
  ['alojamiento web cerca de Barcelona', 'es', 'web-hosting', 'Barcelona', ''],
  ['alojamiento web Tarragona', 'es', 'web-hosting', 'Tarragona', 'nearby'],
  ['desarrollo web y correo seguro en Oaxaca', 'es', `${WEB} + encrypted-email`, 'Oaxaca', 'synonym'],
  ['página web y correo para un sindicato de inquilinos en Oaxaca', 'es', SITE_AND_MAIL, 'Oaxaca', ''],
  ['nube para guardar archivos', 'es', 'cloud-storage', '', 'synonym'],
  ['mastodon para nuestra organización', 'es', 'fediverse-hosting', '', ''],
  ['radio comunitaria streaming Guatemala', 'es', 'podcast-hosting', 'country:GT', ''],
  ['campañas digitales Ciudad de México', 'es', 'digital-campaigns', 'Ciudad de México', ''],
  ['auditoría de accesibilidad Valencia', 'es', 'accessibility-audits', 'Valencia', ''],
  ['alfabetización digital para adultos mayores Puebla', 'es', 'digital-literacy', 'Puebla', ''],
  ['desarollo de aplicaciones moviles Córdoba', 'es', 'mobile-apps', 'Córdoba', 'typo no-accents'],
  ['plataforma de donaciones Cali', 'es', 'payment-systems', 'Cali', ''],
  ['protección de datos personales Bilbao', 'es', 'privacy-consulting', 'Bilbao', ''],
  ['hosting barato Monterrey', 'es', 'web-hosting', 'Monterrey', 'synonym'],
  ['correo cifrado para sindicatos Chile', 'es', 'encrypted-email', 'country:CL', ''],
  ['correo seguro', 'es', 'encrypted-email', '', 'synonym'],
  ['alojamiento web Cataluña', 'es', 'web-hosting', 'region:ES-CT', ''],
  ['servidores administrados Puebla', 'es', 'managed-servers', 'Puebla', ''],
  ['cooperativas de tecnología en Oaxaca', 'es', '', 'Oaxaca', ''],
  ['desarrollo web Tlacolula', 'es', WEB, 'Tlacolula de Matamoros', 'nearby'],
  ['correo cifrado Antigua Guatemala', 'es', 'encrypted-email', 'Antigua Guatemala', 'nearby'],
  ['soprote tecnico la habana', 'es', 'it-support', 'La Habana', 'typo transposition no-accents'],
  ['herramientas de gobernanza cooperativa Córdoba', 'es', 'coop-governance-tools', 'Córdoba', ''],
  ['software contable para cooperativas Guatemala', 'es', 'bookkeeping-software', 'Ciudad de Guatemala', 'synonym'],
  // Portuguese (Brazil, Portugal)
  ['hospedagem de sites em Recife', 'pt', 'web-hosting', 'Recife', ''],
  ['hospedagem de sites perto de Olinda', 'pt', 'web-hosting', 'Olinda', ''],
  ['hospedagen de sites recife', 'pt', 'web-hosting', 'Recife', 'typo'],
  ['email seguro São Paulo', 'pt', 'encrypted-email', 'São Paulo', 'synonym'],
  ['e-mail criptografado sao paulo', 'pt', 'encrypted-email', 'São Paulo', 'no-accents'],
  ['criação de sites Belo Horizonte', 'pt', WEB, 'Belo Horizonte', ''],
  ['criaçao de site joao pessoa', 'pt', WEB, 'João Pessoa', 'no-accents'],
  ['desenvolvimento de aplicativos Porto Alegre', 'pt', 'mobile-apps', 'Porto Alegre', ''],
  ['desenvolvimneto de sites porto alegre', 'pt', WEB, 'Porto Alegre', 'typo transposition'],
  ['suporte de ti para ong Salvador', 'pt', 'it-support', 'Salvador', ''],
  ['rede comunitária de internet Fortaleza', 'pt', 'community-networks|internet-access', 'Fortaleza', ''],
  ['conserto de computadores Campinas', 'pt', 'hardware-repair', 'Campinas', ''],
  ['formação em segurança digital para coletivos', 'pt', 'security-training', '', ''],
  ['oficina de programação para jovens Rio de Janeiro', 'pt', 'coding-workshops', 'Rio de Janeiro', ''],
  ['backup na nuvem Curitiba', 'pt', 'backup-services|cloud-storage', 'Curitiba', 'synonym'],
  ['loja virtual Florianópolis', 'pt', 'ecommerce', 'Florianópolis', ''],
  ['servidor de email para sindicato Lisboa', 'pt', 'email-hosting', 'Lisboa', 'synonym'],
  ['alojamento de sites Porto', 'pt', 'web-hosting', 'Porto', 'synonym'],
  ['desenvolvimento de software em Lisboa', 'pt', 'software-development', 'Lisboa', ''],
  ['videoconferência segura', 'pt', 'video-conferencing', '', ''],
  ['tradução e legendagem Braga', 'pt', 'translation', 'Braga', ''],
  ['produção de vídeo Niterói', 'pt', 'video-production', 'Niterói', ''],
  ['auditoria de segurança perto de Campinas', 'pt', 'security-audits', 'Campinas', ''],
  ['mapeamento comunitário Belém', 'pt', 'mapping-gis', 'Belém', ''],
  ['podcast e rádio comunitária Recife', 'pt', 'podcast-hosting', 'Recife', ''],
  ['vpn para jornalistas', 'pt', 'vpn', '', ''],
  ['site e email para associação de moradores em Recife', 'pt', SITE_AND_MAIL, 'Recife', ''],
  ['dados abertos Brasil', 'pt', 'open-data', 'country:BR', ''],
  ['acessibilidade digital Lisboa', 'pt', 'accessibility-audits', 'Lisboa', 'synonym'],
  ['ferramentas de governança cooperativa Portugal', 'pt', 'coop-governance-tools', 'country:PT', ''],
  ['hospedagem mastodon', 'pt', 'fediverse-hosting', '', ''],
  ['hospedagem de sites Sorocaba', 'pt', 'web-hosting', 'Sorocaba', 'nearby'],
  ['cooperativas de tecnologia em Recife', 'pt', '', 'Recife', ''],
  ['email criptogarfado', 'pt', 'encrypted-email', '', 'typo transposition'],
  ['nuvem para guardar arquivos da associação', 'pt', 'cloud-storage', '', 'synonym'],
  ['desenvolvimento de sites Pernambuco', 'pt', WEB, 'region:BR-PE', ''],
  ['inclusão digital para idosos Salvador', 'pt', 'digital-literacy', 'Salvador', 'synonym'],
  ['análise de dados para ongs São Paulo', 'pt', 'data-analysis', 'São Paulo', ''],
  // French (France, Belgium, Switzerland, Québec, Senegal)
  ['hébergement web près de Lyon', 'fr', 'web-hosting', 'Lyon', ''],
  ['hebergement web lyon', 'fr', 'web-hosting', 'Lyon', 'no-accents'],
  ['hébergment web villeurbanne', 'fr', 'web-hosting', 'Villeurbanne', 'typo'],
  ['hébergement de sites web à côté de Saint-Étienne', 'fr', 'web-hosting', 'Saint-Étienne', ''],
  ['hébergement web Avignon', 'fr', 'web-hosting', 'Avignon', 'nearby'],
  ['courriel sécurisé Montréal', 'fr', 'encrypted-email', 'Montréal', 'synonym'],
  ['courriel securise montreal', 'fr', 'encrypted-email', 'Montréal', 'synonym no-accents'],
  ['courriel chifré Sherbrooke', 'fr', 'encrypted-email', 'Sherbrooke', 'typo'],
  ['création de site web Paris', 'fr', WEB, 'Paris', ''],
  ['creation site internet paris', 'fr', WEB, 'Paris', 'synonym no-accents'],
  ['développeur logiciel libre Toulouse', 'fr', 'free-software-support|software-development', 'Toulouse', 'synonym'],
  ['dévelopement logiciel montreal', 'fr', 'software-development', 'Montréal', 'typo no-accents'],
  ['développemnet logiciel Québec', 'fr', 'software-development', 'Québec', 'typo transposition'],
  ['infogérance serveurs Bordeaux', 'fr', 'managed-servers', 'Bordeaux', ''],
  ['formation sécurité numérique pour associations', 'fr', 'security-training', '', ''],
  ['autodéfense numérique', 'fr', 'security-training', '', 'synonym'],
  ['visio sécurisée pour syndicats', 'fr', 'video-conferencing', '', 'synonym'],
  ['réparation ordinateurs reconditionnés Marseille', 'fr', 'hardware-repair', 'Marseille', ''],
  ['atelier de code pour enfants Nantes', 'fr', 'coding-workshops', 'Nantes', 'synonym'],
  ['hébergement de courriel Sherbrooke', 'fr', 'email-hosting', 'Sherbrooke', ''],
  ['réseau communautaire wifi Bruxelles', 'fr', 'community-networks', 'Bruxelles', ''],
  ['audit d’accessibilité Bordeaux', 'fr', 'accessibility-audits', 'Bordeaux', ''],
  ['sauvegarde de données Lille', 'fr', 'backup-services', 'Lille', ''],
  ['hébergement mastodon peertube', 'fr', 'fediverse-hosting', '', ''],
  ['traduction et sous-titrage Nantes', 'fr', 'translation', 'Nantes', ''],
  ['traduction de sites web Bruxelles', 'fr', 'translation', 'Bruxelles', ''],
  ['boutique en ligne coopérative Montpellier', 'fr', 'ecommerce', 'Montpellier', ''],
  ['graphisme affiches Strasbourg', 'fr', 'graphic-design', 'Strasbourg', ''],
  ['production vidéo documentaire Dakar', 'fr', 'video-production', 'Dakar', ''],
  ['protection des données RGPD Paris', 'fr', 'privacy-consulting', 'Paris', ''],
  ['site web et courriel pour une association à Lyon', 'fr', SITE_AND_MAIL, 'Lyon', ''],
  ['hébergement web Belgique', 'fr', 'web-hosting', 'country:BE', ''],
  ['logiciel de comptabilité pour coop Québec', 'fr', 'bookkeeping-software', 'Québec', ''],
  ['initiation informatique aînés Montréal', 'fr', 'digital-literacy', 'Montréal', 'synonym'],
  ['stockage en ligne chiffré France', 'fr', 'cloud-storage', 'country:FR', ''],
  ['clavardage matrix Montréal', 'fr', 'chat-hosting', 'Montréal', 'synonym'],
  ['coopératives numériques Lyon', 'fr', '', 'Lyon', ''],
  ['hébergement web Trois-Rivières', 'fr', 'web-hosting', 'Trois-Rivières', 'nearby'],
  ['courriel sécurisé Longueuil', 'fr', 'encrypted-email', 'Longueuil', 'synonym'],
  // English (anywhere)
  ['secure email', 'en', 'encrypted-email', '', 'synonym'],
  ['secure emial', 'en', 'encrypted-email', '', 'typo transposition synonym'],
  ['encrypted email Oaxaca', 'en', 'encrypted-email', 'Oaxaca', ''],
  ['email oaxaca', 'en', 'email-hosting|encrypted-email', 'Oaxaca', ''],
  ['encrytped email montreal', 'en', 'encrypted-email', 'Montréal', 'typo transposition no-accents'],
  ['web hosting near Lyon', 'en', 'web-hosting', 'Lyon', ''],
  ['web hostnig recife', 'en', 'web-hosting', 'Recife', 'typo transposition'],
  ['website design Bogota', 'en', WEB, 'Bogotá', 'no-accents'],
  ['web developer co-op New York', 'en', 'website-development', 'New York', 'synonym'],
  ['it support Oakland', 'en', 'it-support', 'Oakland', ''],
  ['digital security training for unions', 'en', 'security-training', '', ''],
  ['security audit Ottawa', 'en', 'security-audits', 'Ottawa', ''],
  ['community wifi network', 'en', 'community-networks', '', 'synonym'],
  ['computer repair Oakland', 'en', 'hardware-repair', 'Oakland', ''],
  ['mastodon hosting', 'en', 'fediverse-hosting', '', ''],
  ['matrix chat server', 'en', 'chat-hosting', '', ''],
  ['video production Toronto', 'en', 'video-production', 'Toronto', ''],
  ['coding bootcamp Toronto', 'en', 'coding-workshops|technical-training', 'Toronto', 'synonym'],
  ['vpn provider', 'en', 'vpn', '', ''],
  ['mailing list hosting', 'en', 'mailing-lists', '', ''],
  ['online store for our co-op Berlin', 'en', 'ecommerce', 'Berlin', 'synonym'],
  ['data analysis for nonprofits Mexico City', 'en', 'data-analysis', 'Ciudad de México', ''],
  ['translation services Sao Paulo', 'en', 'translation', 'São Paulo', 'no-accents'],
  ['hosting in Lisbon', 'en', 'web-hosting|managed-servers|cloud-storage|colocation', 'Lisboa', ''],
  ['accessibility audit Barcelona', 'en', 'accessibility-audits', 'Barcelona', ''],
  ['gis mapping Quito', 'en', 'mapping-gis', 'Quito', ''],
  ['website and email for a tenants union in Oaxaca', 'en', SITE_AND_MAIL, 'Oaxaca', ''],
  ['podcast hosting', 'en', 'podcast-hosting', '', ''],
  ['free software support Ottawa', 'en', 'free-software-support', 'Ottawa', ''],
  ['threat modeling for activists', 'en', 'threat-modelling', '', 'typo'],
  ['web hosting Mexico', 'en', 'web-hosting', 'country:MX', 'no-accents'],
  ['cloud storage Canada', 'en', 'cloud-storage', 'country:CA', ''],
  ['tech co-ops in Oakland', 'en', '', 'Oakland', ''],
  ['nextcloud hosting', 'en', 'cloud-storage', '', 'synonym'],
  ['donation platform for campaigns', 'en', 'payment-systems', '', 'synonym'],
  ['membership database for unions', 'en', 'crm-setup', '', 'synonym'],
  ['incident response help Madrid', 'en', 'incident-response', 'Madrid', ''],
  ['secure email near Puebla', 'en', 'encrypted-email', 'Puebla', 'synonym'],
  ['graphic design Paris', 'en', 'graphic-design', 'Paris', '']
]

function placeOf(place: string): Intent['place'] {
  if (!place) return undefined
  if (place.startsWith('country:')) return { country: place.slice(8) }
  if (place.startsWith('region:')) return { region: place.slice(7) }
  return { city: city(place).name }
}

/** The traits a row shows by itself, added to those it states. */
function traitsOf(q: string, intent: Intent, stated: string[]): string[] {
  const t = new Set(stated)
  if (fold(q).split(/[^\p{L}\p{N}]+/u).some((w) => STOP_WORDS.has(w))) t.add('stop-words')
  if (intent.place) t.add('city' in intent.place ? 'place' : 'country' in intent.place ? 'country' : 'region')
  else if (intent.needs.length) t.add('need-only')
  if (intent.needs.length > 1) t.add('two-needs')
  if (intent.name) t.add('name')
  return [...t]
}

const spec = (q: string, lang: Lang, intent: Intent, stated: string[]): QuerySpec => ({ q, lang, intent, traits: traitsOf(q, intent, stated) })

/** Two adjacent letters of the word's middle swapped (the commonest typo), unless they are the same letter. */
function transposed(word: string): string {
  for (let p = Math.floor(word.length / 2) - 1; p < word.length - 1; p++) {
    if (word[p] !== word[p + 1]) return word.slice(0, p) + word[p + 1] + word[p] + word.slice(p + 2)
  }
  return word
}

/**
 * Queries for co-ops by name, four per language, drawn from the corpus at
 * fixed positions: the name as written, lower case without accents, with a
 * transposition in its root word, and the root word with the city.
 */
function nameQueries(corpus: readonly CorpusEntry[]): QuerySpec[] {
  const out: QuerySpec[] = []
  for (const lang of ['es', 'pt', 'fr', 'en'] as const) {
    const own = corpus.filter((e) => e.lang === lang && e.nameWord.length >= 5 && !e.nameWord.includes(' '))
    for (let k = 0; k < 4; k++) {
      const e = own[Math.floor((own.length * (2 * k + 1)) / 8)] as CorpusEntry
      const { name } = e.listing
      const exact = { needs: [], name: { word: e.nameWord, exact: name } }
      if (k === 0) out.push(spec(name, lang, exact, []))
      if (k === 1) out.push(spec(fold(name), lang, exact, name === fold(name) ? [] : ['no-accents']))
      if (k === 2) out.push(spec(name.replace(e.nameWord, transposed(e.nameWord)), lang, exact, ['typo', 'transposition']))
      if (k === 3) out.push(spec(`${e.nameWord.toLowerCase()} ${(e.cities[0] as { name: string }).name}`, lang, { needs: [], name: { word: e.nameWord }, place: { city: (e.cities[0] as { name: string }).name } }, []))
    }
  }
  return out
}

/** Every query of the benchmark: the rows above, then the name queries drawn from the corpus. */
export function queries(corpus: readonly CorpusEntry[]): QuerySpec[] {
  const rows = ROWS.map(([q, lang, needs, place, traits]) => {
    const intent: Intent = { needs: needs ? needs.split(' + ').map((n) => n.split('|')) : [] }
    const unknown = intent.needs.flat().filter((s) => !isServiceId(s))
    if (unknown.length) throw new Error(`relevance bench: query "${q}" asks for unknown services ${unknown.join(', ')}`)
    const p = placeOf(place)
    if (p) intent.place = p
    return spec(q, lang, intent, traits ? traits.split(' ') : [])
  })
  return [...rows, ...nameQueries(corpus)]
}
