/**
 * Demo summaries that read like a co-op's own "about us": who they are, what
 * they do (each service said in words, from demo-service-phrases.ts), whom
 * they work with, in the listing's language. The same choices give the same
 * meaning in every language, so a summary and its English version agree.
 */
import { servicePhrase, PHRASE_LANGS, type PhraseLang } from './demo-service-phrases'

/** What a summary says; `choice` picks the wording (the same index means the same thing in every language). */
export interface SummaryFacts {
  name: string
  city: string
  kind: string
  founded: number
  services: readonly string[]
  slidingScale: boolean
  accepting: boolean
  choice: { intro: number; offer: number; audience: number }
}

interface Wording {
  kinds: Record<string, string>
  intros: Array<(f: SummaryFacts, kind: string) => string>
  offers: Array<(list: string) => string>
  audiences: string[]
  sliding: string
  closed: string
  fictional: string
  join: (items: string[]) => string
}

const joinWith = (and: (next: string) => string) => (items: string[]): string =>
  items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${and(items[items.length - 1] as string)} ${items[items.length - 1]}`

// Spanish "y" becomes "e" before an /i/ sound ("redes e instalación"), but not before "hie"/"hia".
const spanishAnd = (next: string): string => (/^h?[iíIÍ](?![aeiouáéó])/.test(next) ? 'e' : 'y')

// Portuguese says "no Porto", "no Recife", but "em São Paulo".
const ptIn = (city: string): string => (city === 'Porto' || city === 'Recife' ? `no ${city}` : `em ${city}`)

const WORDINGS: Record<PhraseLang, Wording> = {
  en: {
    kinds: { 'worker-coop': 'a worker co-op', 'multi-stakeholder-coop': 'a multi-stakeholder co-op', 'consumer-coop': 'a consumer co-op', collective: 'a collective', 'non-profit': 'a non-profit', 'informal-group': 'a volunteer group', other: 'an organisation' },
    intros: [
      (f, k) => `${f.name} is ${k} in ${f.city}, working with free software since ${f.founded}.`,
      (f, k) => `We are ${k} based in ${f.city}, founded in ${f.founded}.`,
      (f) => `Since ${f.founded}, ${f.name} has put technology at the service of social movements in ${f.city}.`
    ],
    offers: [(l) => `We provide ${l}.`, (l) => `We offer ${l}.`, (l) => `Our work: ${l}.`],
    audiences: ['We work with unions, tenants’ associations and community groups.', 'We work with social movements, co-ops and grassroots groups.', 'We work with community media, mutual aid networks and non-profits.'],
    sliding: 'Sliding-scale rates for movement organisations.',
    closed: 'We are not taking on new clients at the moment.',
    fictional: 'A fictional organisation: example data.',
    join: joinWith(() => 'and')
  },
  es: {
    kinds: { 'worker-coop': 'una cooperativa de trabajo', 'multi-stakeholder-coop': 'una cooperativa multiactor', 'consumer-coop': 'una cooperativa de usuarios', collective: 'un colectivo', 'non-profit': 'una asociación civil', 'informal-group': 'un grupo de voluntarios', other: 'una organización' },
    intros: [
      (f, k) => `${f.name} es ${k} de ${f.city} que trabaja con software libre desde ${f.founded}.`,
      (f, k) => `Somos ${k} con base en ${f.city}; empezamos en ${f.founded}.`,
      (f) => `Desde ${f.founded}, ${f.name} pone la tecnología al servicio de los movimientos sociales de ${f.city}.`
    ],
    offers: [(l) => `Ofrecemos ${l}.`, (l) => `Brindamos ${l}.`, (l) => `Nuestro trabajo: ${l}.`],
    audiences: ['Trabajamos con sindicatos, asociaciones de inquilinos y organizaciones comunitarias.', 'Trabajamos con movimientos sociales, cooperativas y organizaciones de base.', 'Trabajamos con medios comunitarios, redes de apoyo mutuo y ONG.'],
    sliding: 'Tenemos tarifas solidarias para organizaciones sin fines de lucro.',
    closed: 'Por ahora no tomamos proyectos nuevos.',
    fictional: 'Organización ficticia: datos de ejemplo.',
    join: joinWith(spanishAnd)
  },
  fr: {
    kinds: { 'worker-coop': 'une coopérative de travail', 'multi-stakeholder-coop': 'une coopérative multisociétaire', 'consumer-coop': 'une coopérative d’usagers', collective: 'un collectif', 'non-profit': 'une association', 'informal-group': 'un groupe de bénévoles', other: 'une structure' },
    intros: [
      (f, k) => `${f.name} : ${k} à ${f.city}, qui travaille avec des logiciels libres depuis ${f.founded}.`,
      (f, k) => `Nous sommes ${k} à ${f.city} ; nous utilisons des logiciels libres depuis ${f.founded}.`,
      (f) => `Depuis ${f.founded}, ${f.name} met la technique au service des mouvements sociaux à ${f.city}.`
    ],
    offers: [(l) => `Nous proposons ${l}.`, (l) => `Nous offrons ${l}.`, (l) => `Au programme : ${l}.`],
    audiences: ['Nous travaillons avec des syndicats, des associations de locataires et des groupes de quartier.', 'Nous travaillons avec des mouvements sociaux, des coopératives et des collectifs.', 'Nous travaillons avec des médias libres, des réseaux d’entraide et des ONG.'],
    sliding: 'Tarifs solidaires pour les associations.',
    closed: 'Nous ne prenons pas de nouveaux projets pour le moment.',
    fictional: 'Organisation fictive : données d’exemple.',
    join: joinWith(() => 'et')
  },
  pt: {
    kinds: { 'worker-coop': 'uma cooperativa de trabalho', 'multi-stakeholder-coop': 'uma cooperativa multissetorial', 'consumer-coop': 'uma cooperativa de consumo', collective: 'um coletivo', 'non-profit': 'uma associação sem fins lucrativos', 'informal-group': 'um grupo de voluntários', other: 'uma organização' },
    intros: [
      (f, k) => `${f.name} é ${k} ${ptIn(f.city)} que trabalha com software livre desde ${f.founded}.`,
      (f, k) => `Somos ${k} ${ptIn(f.city)}; começamos em ${f.founded}.`,
      (f) => `Desde ${f.founded}, ${f.name} coloca a tecnologia a serviço dos movimentos sociais ${ptIn(f.city)}.`
    ],
    offers: [(l) => `Oferecemos ${l}.`, (l) => `Fazemos ${l}.`, (l) => `Nosso trabalho: ${l}.`],
    audiences: ['Atendemos sindicatos, associações de moradores e organizações comunitárias.', 'Atendemos movimentos sociais, cooperativas e organizações de base.', 'Atendemos rádios comunitárias, redes de apoio mútuo e ONGs.'],
    sliding: 'Temos preços solidários para organizações sociais.',
    closed: 'No momento não estamos aceitando novos projetos.',
    fictional: 'Organização fictícia: dados de exemplo.',
    join: joinWith(() => 'e')
  },
  de: {
    kinds: { 'worker-coop': 'eine Genossenschaft', 'multi-stakeholder-coop': 'eine Multi-Stakeholder-Genossenschaft', 'consumer-coop': 'eine Verbrauchergenossenschaft', collective: 'ein Kollektiv', 'non-profit': 'ein gemeinnütziger Verein', 'informal-group': 'eine Initiative', other: 'eine Organisation' },
    intros: [
      (f, k) => `${f.name} ist ${k} in ${f.city} und arbeitet seit ${f.founded} mit freier Software.`,
      (f, k) => `Wir sind ${k} in ${f.city}, gegründet ${f.founded}.`,
      (f) => `Seit ${f.founded} stellt ${f.name} in ${f.city} Technik in den Dienst sozialer Bewegungen.`
    ],
    offers: [(l) => `Unser Angebot: ${l}.`, (l) => `Schwerpunkte: ${l}.`, (l) => `Wir kümmern uns um ${l}.`],
    audiences: ['Wir arbeiten mit Gewerkschaften, Mieterinitiativen und Nachbarschaftsgruppen.', 'Wir arbeiten mit sozialen Bewegungen, Genossenschaften und Vereinen.', 'Wir arbeiten mit freien Medien, Solidaritätsnetzwerken und NGOs.'],
    sliding: 'Solidarische Preise für Bewegungsorganisationen.',
    closed: 'Derzeit nehmen wir keine neuen Aufträge an.',
    fictional: 'Fiktive Organisation: Beispieldaten.',
    join: joinWith(() => 'und')
  }
}

/** The first of a listing's languages a demo summary can be written in; English otherwise. */
export const summaryLanguage = (langs: readonly string[]): PhraseLang =>
  (langs.find((l): l is PhraseLang => (PHRASE_LANGS as readonly string[]).includes(l)) ?? 'en')

/** The services of a listing said in words, joined as the language joins a list ("a, b y c"). */
export function describeServices(lang: PhraseLang, services: readonly string[]): string {
  const w = WORDINGS[lang]
  return w.join(services.map((id) => servicePhrase(id, lang) ?? servicePhrase(id, 'en') ?? id))
}

const nth = <T>(list: readonly T[], i: number): T => list[i % list.length] as T

const COOP_KINDS = new Set(['worker-coop', 'multi-stakeholder-coop', 'consumer-coop'])
const NAMES_A_COOP = /\b(co-?op|coop[eé]rati\w*|cooperati\w*|coöperatie|scic|eg)\b/i
const NAMES_A_COLLECTIVE = /\b(collecti\w*|colectiv\w*|coletiv\w*|kollektiv|collettivo)\b/i

/**
 * The kind as the intro says it, unless the name already says another
 * ("Cooperativa Tear" that is a non-profit): then a neutral "organisation",
 * so the summary never contradicts the name.
 */
function kindNoun(w: Wording, name: string, kind: string): string {
  const saysCoop = NAMES_A_COOP.test(name)
  const saysCollective = NAMES_A_COLLECTIVE.test(name)
  const agrees = (!saysCoop && !saysCollective) || (saysCoop && COOP_KINDS.has(kind)) || (saysCollective && kind === 'collective')
  return (agrees ? w.kinds[kind] : undefined) ?? (w.kinds.other as string)
}

/** A summary as sanitised-HTML paragraphs in `lang`. */
export function summaryHtml(lang: PhraseLang, f: SummaryFacts): string {
  const w = WORDINGS[lang]
  const intro = nth(w.intros, f.choice.intro)(f, kindNoun(w, f.name, f.kind))
  const offer = nth(w.offers, f.choice.offer)(describeServices(lang, f.services))
  const extras = [nth(w.audiences, f.choice.audience), ...(f.slidingScale ? [w.sliding] : []), ...(f.accepting ? [] : [w.closed])]
  return `<p>${intro} ${offer} ${extras.join(' ')}</p><p>${w.fictional}</p>`
}
