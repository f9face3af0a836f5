/**
 * How a demo listing's summary says each service, in words a co-op would
 * write (not the vocabulary's label, not its id): noun phrases that read
 * after "We provide", "Ofrecemos", "Nous proposons", "Oferecemos" and
 * "Unser Angebot:". One row per service: en, es, fr, pt, de.
 */

/** The languages demo summaries are written in, in the order of each row below. */
export const PHRASE_LANGS = ['en', 'es', 'fr', 'pt', 'de'] as const
export type PhraseLang = (typeof PHRASE_LANGS)[number]

type Row = readonly [en: string, es: string, fr: string, pt: string, de: string]

const ROWS: Record<string, Row> = {
  'web-hosting': ['hosting for websites', 'alojamiento para sitios web', 'de l’hébergement de sites', 'hospedagem de sites e blogs', 'Webhosting'],
  'managed-servers': ['server administration', 'administración de servidores', 'l’infogérance de serveurs', 'administração de servidores', 'Serveradministration'],
  'cloud-storage': ['shared file storage with Nextcloud', 'almacenamiento de archivos en Nextcloud', 'du stockage de fichiers avec Nextcloud', 'armazenamento de arquivos com Nextcloud', 'Dateiablage mit Nextcloud'],
  colocation: ['rack space for your own servers', 'espacio en rack para servidores propios', 'de l’hébergement de serveurs en baie', 'espaço em rack para servidores próprios', 'Rackplätze für eigene Server'],
  'domain-registration': ['domain names', 'registro y gestión de dominios', 'l’achat et la gestion de noms de domaine', 'registro e gestão de domínios', 'Domainverwaltung'],
  'email-hosting': ['email on your own domain', 'correo electrónico con dominio propio', 'des adresses courriel à votre nom de domaine', 'e-mail com domínio próprio', 'E-Mail-Postfächer mit eigener Domain'],
  'encrypted-email': ['end-to-end encrypted email', 'correo cifrado de extremo a extremo', 'du courriel chiffré de bout en bout', 'e-mail com criptografia de ponta a ponta', 'Ende-zu-Ende-verschlüsselte E-Mail'],
  'mailing-lists': ['mailing lists and newsletters', 'listas de correo y boletines', 'des listes de diffusion et des infolettres', 'listas de e-mail e boletins', 'Mailinglisten und Newsletter'],
  'chat-hosting': ['Matrix and XMPP chat servers', 'servidores de chat Matrix y XMPP', 'des serveurs de messagerie Matrix et XMPP', 'servidores de chat Matrix e XMPP', 'Chatserver mit Matrix und XMPP'],
  'video-conferencing': ['video calls with Jitsi and BigBlueButton', 'videollamadas con Jitsi y BigBlueButton', 'de la visioconférence avec Jitsi et BigBlueButton', 'videochamadas com Jitsi e BigBlueButton', 'Videokonferenzen mit Jitsi und BigBlueButton'],
  'fediverse-hosting': ['Mastodon and PeerTube instances', 'instancias de Mastodon y PeerTube', 'des instances Mastodon et PeerTube', 'instâncias de Mastodon e PeerTube', 'Mastodon- und PeerTube-Instanzen'],
  'voip-telephony': ['internet telephony', 'telefonía por internet', 'de la téléphonie sur internet', 'telefonia pela internet', 'Internettelefonie'],
  'website-development': ['websites built with free software', 'desarrollo de páginas web con software libre', 'la création de sites avec des logiciels libres', 'criação de sites com software livre', 'Websites mit freier Software'],
  'web-design': ['website design', 'diseño de sitios web', 'la conception graphique de sites', 'design de sites', 'Webdesign'],
  'software-development': ['custom software', 'software a medida', 'du logiciel sur mesure', 'software sob medida', 'individuelle Software'],
  'mobile-apps': ['mobile apps', 'aplicaciones para celular', 'des applications mobiles', 'aplicativos para celular', 'mobile Apps'],
  'free-software-support': ['support for moving to free software', 'soporte y migración a software libre', 'de l’accompagnement vers les logiciels libres', 'suporte e migração para software livre', 'Unterstützung beim Umstieg auf freie Software'],
  'database-development': ['database design', 'diseño de bases de datos', 'la conception de bases de données', 'modelagem de bancos de dados', 'Datenbankentwicklung'],
  'accessibility-audits': ['web accessibility reviews', 'revisiones de accesibilidad web', 'des audits d’accessibilité web', 'avaliações de acessibilidade web', 'Prüfungen der Barrierefreiheit'],
  'ux-research': ['user research', 'investigación con personas usuarias', 'de la recherche utilisateur', 'pesquisa com usuários', 'Nutzungsforschung'],
  'security-training': ['digital security workshops', 'talleres de seguridad digital', 'des ateliers d’autodéfense numérique', 'oficinas de segurança digital', 'Workshops zur digitalen Selbstverteidigung'],
  'security-audits': ['security audits of websites and networks', 'auditorías de seguridad de sitios y redes', 'des audits de sécurité des sites et réseaux', 'auditorias de segurança de sites e redes', 'Sicherheitsaudits für Websites und Netzwerke'],
  'incident-response': ['help when an account or website is hacked', 'ayuda cuando hackean una cuenta o un sitio', 'de l’aide en cas de piratage d’un compte ou d’un site', 'ajuda quando uma conta ou site é invadido', 'Hilfe bei gehackten Konten und Websites'],
  vpn: ['a VPN for activists', 'una VPN para activistas', 'un VPN pour les militantes et militants', 'uma VPN para ativistas', 'ein VPN für Aktivist*innen'],
  'threat-modelling': ['risk assessments for organisations', 'análisis de riesgos para organizaciones', 'de l’analyse de risques pour les organisations', 'análise de riscos para organizações', 'Risikoanalysen für Organisationen'],
  'privacy-consulting': ['data protection advice', 'asesoría en protección de datos', 'du conseil en protection des données', 'assessoria em proteção de dados', 'Datenschutzberatung'],
  'it-support': ['everyday IT support', 'soporte técnico para oficinas', 'du support informatique au quotidien', 'suporte técnico para escritórios', 'IT-Support im Alltag'],
  'network-installation': ['office network and Wi-Fi installation', 'instalación de redes y wifi', 'l’installation de réseaux et de wifi', 'instalação de redes e wi-fi', 'Netzwerk- und WLAN-Installation'],
  'community-networks': ['community mesh networks', 'redes comunitarias en barrios y pueblos', 'des réseaux communautaires dans les quartiers', 'redes comunitárias em bairros e aldeias', 'Gemeinschaftsnetze im Stadtteil'],
  'internet-access': ['affordable internet connections', 'conexión a internet a precio justo', 'des connexions internet à prix juste', 'conexão à internet a preço justo', 'bezahlbare Internetanschlüsse'],
  'hardware-repair': ['computer repair and refurbished laptops', 'reparación de computadoras y equipos reacondicionados', 'la réparation d’ordinateurs et du matériel reconditionné', 'conserto de computadores e equipamentos recondicionados', 'Computerreparatur und aufbereitete Laptops'],
  'backup-services': ['off-site backups', 'respaldos fuera de sitio', 'des sauvegardes externalisées', 'backups externos', 'externe Datensicherung'],
  'digital-literacy': ['computer classes for beginners', 'cursos de computación para principiantes', 'des initiations à l’informatique', 'cursos de informática para iniciantes', 'Computerkurse für Einsteiger*innen'],
  'technical-training': ['technical courses for sysadmins', 'cursos técnicos para administradores de sistemas', 'des formations techniques pour administrateurs systèmes', 'cursos técnicos para administradores de sistemas', 'technische Schulungen für Admins'],
  'coding-workshops': ['coding workshops for young people', 'talleres de programación para jóvenes', 'des ateliers de code pour les jeunes', 'oficinas de programação para jovens', 'Programmierworkshops für Jugendliche'],
  'tech-consulting': ['technology strategy advice', 'asesoría tecnológica', 'du conseil en stratégie numérique', 'assessoria tecnológica', 'Technologieberatung'],
  'data-analysis': ['data analysis and visualisation', 'análisis y visualización de datos', 'de l’analyse et de la visualisation de données', 'análise e visualização de dados', 'Datenanalyse und Visualisierung'],
  'mapping-gis': ['community mapping with OpenStreetMap', 'mapeo comunitario con OpenStreetMap', 'de la cartographie participative avec OpenStreetMap', 'mapeamento comunitário com OpenStreetMap', 'Kartierung mit OpenStreetMap'],
  'open-data': ['open data portals', 'portales de datos abiertos', 'des portails de données ouvertes', 'portais de dados abertos', 'Open-Data-Portale'],
  'crm-setup': ['membership and contact databases with CiviCRM', 'gestión de socios y contactos con CiviCRM', 'la gestion des adhésions avec CiviCRM', 'gestão de associados com CiviCRM', 'Mitgliederverwaltung mit CiviCRM'],
  'bookkeeping-software': ['free accounting software', 'software contable libre', 'des logiciels de comptabilité libres', 'software de contabilidade livre', 'freie Buchhaltungssoftware'],
  translation: ['translation and subtitles', 'traducción y subtitulado', 'de la traduction et du sous-titrage', 'tradução e legendagem', 'Übersetzung und Untertitel'],
  'graphic-design': ['posters and visual identities', 'diseño de carteles e identidad visual', 'des affiches et des identités visuelles', 'cartazes e identidade visual', 'Plakate und visuelle Identitäten'],
  'video-production': ['documentary and campaign videos', 'videos documentales y de campaña', 'des vidéos documentaires et de campagne', 'vídeos documentais e de campanha', 'Dokumentar- und Kampagnenvideos'],
  'podcast-hosting': ['podcast and community radio streaming', 'transmisión de podcasts y radios comunitarias', 'la diffusion de podcasts et de radios associatives', 'transmissão de podcasts e rádios comunitárias', 'Streaming für Podcasts und freie Radios'],
  'digital-campaigns': ['online campaigns and petitions', 'campañas en redes y peticiones en línea', 'des campagnes et pétitions en ligne', 'campanhas nas redes e abaixo-assinados online', 'Online-Kampagnen und Petitionen'],
  ecommerce: ['online shops for co-ops', 'tiendas en línea para cooperativas', 'des boutiques en ligne pour les coopératives', 'lojas virtuais para cooperativas', 'Onlineshops für Genossenschaften'],
  'payment-systems': ['online donations and payments', 'donaciones y pagos en línea', 'des dons et paiements en ligne', 'doações e pagamentos online', 'Online-Spenden und Zahlungen'],
  'coop-governance-tools': ['online voting and decision-making tools', 'herramientas de votación y toma de decisiones', 'des outils de vote et de décision collective', 'ferramentas de votação e tomada de decisão', 'Werkzeuge für Abstimmungen und Entscheidungen'],
  'research-archiving': ['digital archives for movements', 'archivos digitales para la memoria de los movimientos', 'des archives numériques pour les mouvements', 'arquivos digitais para a memória dos movimentos', 'digitale Archive für Bewegungen']
}

/** How a summary in `lang` says the service `id`; undefined for a service without a row (a test keeps every one covered). */
export function servicePhrase(id: string, lang: PhraseLang): string | undefined {
  return ROWS[id]?.[PHRASE_LANGS.indexOf(lang)]
}
