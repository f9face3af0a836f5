/**
 * The words of the corpus listings in each language: co-op names, "who we
 * are" phrases, audiences, summary sentences and street addresses.
 */
import type { Lang } from './cities'
import { phrase } from './phrases'

/** The distinctive words of names; some are also places or common words ("Faro", "Sur"), as in life. */
export const NAME_WORDS: Record<Lang, string[]> = {
  es: ['Telar', 'Semilla', 'Raíz', 'Colmena', 'Minga', 'Tequio', 'Faro', 'Hilo', 'Tejemos', 'Milpa', 'Nube Libre', 'Código Común', 'Maguey', 'Ceiba', 'Quetzal', 'Colibrí', 'Ajolote', 'Jaguar', 'Cardumen', 'Enjambre', 'Yerba', 'Chasqui', 'Ayni', 'Huerta', 'Brújula', 'Andamio', 'Fogón', 'Tinta', 'Lumbre', 'Marea', 'Sur', 'Trama', 'Rizoma', 'Nopal', 'Cóndor', 'Vicuña'],
  pt: ['Mutirão', 'Tear', 'Semente', 'Raiz', 'Colmeia', 'Ciranda', 'Farol', 'Fio', 'Nuvem Livre', 'Roça', 'Jangada', 'Baobá', 'Ipê', 'Caju', 'Maracatu', 'Sabiá', 'Jabuticaba', 'Araucária', 'Quilombo', 'Manguezal', 'Cerrado', 'Candeia', 'Bússola', 'Maré', 'Tucano', 'Jacarandá', 'Pitanga', 'Mandacaru'],
  fr: ['Métier', 'Racine', 'Ruche', 'Fil Commun', 'Phare', 'Graine', 'Nuage Libre', 'Tisserand', 'Sève', 'Boussole', 'Chantier', 'Canopée', 'Lierre', 'Marmite', 'Libellule', 'Castor', 'Érable', 'Outarde', 'Huard', 'Mésange', 'Hirondelle', 'Coquelicot', 'Garrigue', 'Mistral', 'Bocage', 'Agora', 'Rhizome'],
  en: ['Loom', 'Commons', 'Hive', 'Seedbank', 'Lantern', 'Thread', 'Free Cloud', 'Mutual Aid Tech', 'Root', 'Beacon', 'Compass', 'Tidewater', 'Bramble', 'Sycamore', 'Kestrel', 'Foxglove', 'Switchboard', 'Ironweed', 'Wildflower']
}

/** Words that tell two co-ops of the same root apart ("Colmena Rebelde", "Southern Loom"); none has a gender to agree with. */
export const NAME_QUALIFIERS: Record<Lang, string[]> = {
  es: ['Libre', 'Común', 'Rebelde', 'Austral', 'Popular', 'Insurgente', 'Andante', 'Fértil', 'del Sur', 'del Norte', 'del Valle', 'de la Sierra'],
  pt: ['Livre', 'Comum', 'Rebelde', 'Popular', 'Insurgente', 'Andante', 'Fértil', 'do Sul', 'do Norte', 'do Sertão', 'da Serra', 'da Mata'],
  fr: ['Libre', 'Rebelle', 'Solidaire', 'Populaire', 'Vivace', 'Fertile', 'du Sud', 'du Nord', 'des Monts', 'de la Plaine', 'du Fleuve', 'du Vallon'],
  en: ['Free', 'Common', 'Rebel', 'Northern', 'Southern', 'Valley', 'River', 'Mountain', 'Prairie', 'Harbor', 'Upstate', 'Lowland']
}

export const NAME_PATTERNS: Record<Lang, Array<(w: string) => string>> = {
  es: [(w) => `Cooperativa ${w}`, (w) => `Colectivo ${w}`, (w) => `${w} Tecnologías Libres`, (w) => `${w} Digital`, (w) => `Red ${w}`, (w) => `${w} Cooperativa de Software`],
  pt: [(w) => `Cooperativa ${w}`, (w) => `Coletivo ${w}`, (w) => `${w} Tecnologia Livre`, (w) => `${w} Digital`, (w) => `Rede ${w}`],
  fr: [(w) => `Coopérative ${w}`, (w) => `Collectif ${w}`, (w) => `SCIC ${w}`, (w) => `${w} Numérique`, (w) => `Atelier ${w}`],
  en: [(w) => `${w} Co-op`, (w) => `${w} Collective`, (w) => `${w} Tech Workers`, (w) => `${w} Digital Co-op`]
}

const WE_ARE: Record<Lang, Record<string, string>> = {
  es: { 'worker-coop': 'una cooperativa de trabajo', 'multi-stakeholder-coop': 'una cooperativa multiactor', 'consumer-coop': 'una cooperativa de usuarios', collective: 'un colectivo', 'non-profit': 'una asociación civil sin fines de lucro', 'informal-group': 'un grupo de voluntarias y voluntarios', other: 'una organización' },
  pt: { 'worker-coop': 'uma cooperativa de trabalho', 'multi-stakeholder-coop': 'uma cooperativa multissetorial', 'consumer-coop': 'uma cooperativa de usuários', collective: 'um coletivo', 'non-profit': 'uma associação sem fins lucrativos', 'informal-group': 'um grupo de voluntários', other: 'uma organização' },
  fr: { 'worker-coop': 'une coopérative de travail', 'multi-stakeholder-coop': 'une SCIC', 'consumer-coop': 'une coopérative d’usagers', collective: 'un collectif', 'non-profit': 'une association', 'informal-group': 'un groupe bénévole', other: 'une organisation' },
  en: { 'worker-coop': 'a worker co-op', 'multi-stakeholder-coop': 'a multi-stakeholder co-op', 'consumer-coop': 'a user-owned co-op', collective: 'a collective', 'non-profit': 'a non-profit', 'informal-group': 'a volunteer group', other: 'an organisation' }
}

const AUDIENCES: Record<Lang, string[]> = {
  es: ['movimientos sociales', 'sindicatos', 'organizaciones comunitarias', 'colectivos feministas', 'otras cooperativas', 'medios libres', 'organizaciones de inquilinos'],
  pt: ['movimentos sociais', 'sindicatos', 'associações de bairro', 'coletivos feministas', 'outras cooperativas', 'mídias livres'],
  fr: ['mouvements sociaux', 'syndicats', 'associations', 'collectifs féministes', 'coopératives', 'médias indépendants'],
  en: ['social movements', 'unions', 'community groups', 'tenant unions', 'other co-ops', 'independent media']
}

const AND: Record<Lang, string> = { es: 'y', pt: 'e', fr: 'et', en: 'and' }

const listOf = (items: string[], lang: Lang): string => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${AND[lang]} ${items[items.length - 1]}`)

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1)

type Template = (name: string, weAre: string, city: string, list: string, audience: string) => string

const TEMPLATES: Record<Lang, Template[]> = {
  es: [
    (n, k, c, l, a) => `<p>${n} es ${k} de ${c}. Ofrecemos ${l} para ${a}.</p>`,
    (_n, k, c, l, a) => `<p>Somos ${k} en ${c} y acompañamos a ${a}.</p><p>${capital(l)}, siempre con software libre.</p>`,
    (n, _k, c, l, a) => `<p>Desde ${c}, ${n} trabaja con ${a}: ${l}.</p>`
  ],
  pt: [
    (n, k, c, l, a) => `<p>${n} é ${k} de ${c}. Oferecemos ${l} para ${a}.</p>`,
    (_n, k, c, l, a) => `<p>Somos ${k} em ${c} e apoiamos ${a}.</p><p>${capital(l)}, sempre com software livre.</p>`,
    (n, _k, c, l, a) => `<p>De ${c}, ${n} trabalha com ${a}: ${l}.</p>`
  ],
  fr: [
    (n, k, c, l, a) => `<p>${n} est ${k} basée à ${c}. Nous proposons ${l} aux ${a}.</p>`,
    (_n, k, c, l, a) => `<p>Nous sommes ${k} à ${c} au service des ${a}.</p><p>${capital(l)}, avec des logiciels libres.</p>`,
    (n, _k, c, l, a) => `<p>Depuis ${c}, ${n} accompagne les ${a} : ${l}.</p>`
  ],
  en: [
    (n, k, c, l, a) => `<p>${n} is ${k} based in ${c}. We provide ${l} for ${a}.</p>`,
    (_n, k, c, l, a) => `<p>We are ${k} in ${c} working with ${a}.</p><p>${capital(l)}, all on free software.</p>`,
    (n, _k, c, l, a) => `<p>From ${c}, ${n} supports ${a} with ${l}.</p>`
  ]
}

/** A summary in `lang` that says what the listing offers in words (its first three services). */
export function summary(lang: Lang, name: string, kind: string, city: string, services: string[], r: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)] as T
  const variant = Math.floor(r() * 2)
  const list = listOf(services.slice(0, 3).map((s, i) => phrase(s, lang, variant + i)), lang)
  return pick(TEMPLATES[lang])(name, WE_ARE[lang][kind] ?? (WE_ARE[lang].other as string), city, list, pick(AUDIENCES[lang]))
}

const STREETS: Record<Lang, string[]> = {
  es: ['Calle Hidalgo', 'Avenida Juárez', 'Calle Morelos', 'Calle Bolívar', 'Avenida San Martín', 'Calle Mayor', 'Calle de la Paz', 'Avenida Libertad'],
  pt: ['Rua da Aurora', 'Rua das Flores', 'Avenida Brasil', 'Rua São João', 'Rua do Comércio', 'Avenida da Liberdade', 'Rua Direita'],
  fr: ['rue de la République', 'boulevard Voltaire', 'rue des Lilas', 'avenue Jean-Jaurès', 'rue Ontario', 'rue du Marché'],
  en: ['Main Street', 'Grand Avenue', 'Union Street', 'Mission Street', 'Church Road']
}

const DISTRICTS: Record<Lang, string[]> = {
  es: ['Centro', 'Barrio Alto', 'Barrio Sur', 'La Merced', 'San Pedro'],
  pt: ['Centro', 'Boa Vista', 'Vila Nova', 'Santa Cecília', 'Bairro Alto'],
  fr: ['Centre-ville', 'Quartier de la Gare', 'Les Halles', 'Vieux-Port'],
  en: ['Downtown', 'Eastside', 'Riverside', 'Old Town']
}

const OFFICE: Record<Lang, (city: string) => string> = { es: (c) => `Sede ${c}`, pt: (c) => `Escritório ${c}`, fr: (c) => `Bureau de ${c}`, en: (c) => `${c} office` }

/** A place's name and street address, written as locals write them. */
export function address(lang: Lang, city: string, r: () => number): { name: string; address: string } {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)] as T
  const number = 1 + Math.floor(r() * 900)
  const street = pick(STREETS[lang])
  const line = lang === 'fr' || lang === 'en' ? `${number} ${street}` : `${street} ${number}`
  return { name: OFFICE[lang](city), address: `${line}, ${pick(DISTRICTS[lang])}, ${city}` }
}
