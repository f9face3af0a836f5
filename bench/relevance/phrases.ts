/**
 * How a co-op describes each service in its own summary, in each language:
 * the words of a real "about us", not the vocabulary's labels (a summary says
 * "páginas web para colectivos", not "Alojamiento web"). Each service has two
 * ways of saying it per language, so the corpus is not one sentence repeated.
 * Order per row: en, es, fr, pt; the two variants of a cell are split by '|'.
 */
import type { Lang } from './cities'

type Row = [en: string, es: string, fr: string, pt: string]

const ROWS: Record<string, Row> = {
  'web-hosting': ['hosting for your website|web hosting on our own servers', 'hospedaje de páginas web|alojamiento de sitios web en servidores propios', 'hébergement de sites web|hébergement web sur nos propres serveurs', 'hospedagem de sites|hospedagem de páginas em servidores próprios'],
  'managed-servers': ['servers we run and update for you|managed virtual servers', 'servidores administrados por nuestro equipo|administración de servidores', 'serveurs infogérés|infogérance de vos serveurs', 'servidores gerenciados|administração de servidores'],
  'cloud-storage': ['file storage and sharing on a free cloud|cloud storage with Nextcloud', 'almacenamiento de archivos en una nube libre|nube con Nextcloud para compartir documentos', 'stockage de fichiers dans un nuage libre|Nextcloud pour partager vos documents', 'armazenamento de arquivos em nuvem livre|Nextcloud para compartilhar documentos'],
  colocation: ['space for your own servers in our racks|colocation in a community data centre', 'espacio para tus servidores en nuestro centro de datos|colocación de equipos en nuestro rack', 'place pour vos machines dans notre baie|hébergement de vos serveurs physiques', 'espaço para seus servidores no nosso rack|colocation em data center comunitário'],
  'domain-registration': ['domain names|registering and renewing your domains', 'registro de dominios|compra y renovación de dominios', 'noms de domaine|enregistrement de vos domaines', 'registro de domínios|compra e renovação de domínios'],
  'email-hosting': ['email accounts on your own domain|mail hosting for organisations', 'cuentas de correo con tu propio dominio|servicio de correo para organizaciones', 'boîtes courriel à votre nom de domaine|hébergement de messagerie électronique', 'contas de e-mail com seu próprio domínio|servidor de e-mail para organizações'],
  'encrypted-email': ['end-to-end encrypted email|private email with PGP', 'correo electrónico cifrado de punta a punta|correo privado con PGP', 'courriel chiffré de bout en bout|messagerie privée avec PGP', 'e-mail com criptografia de ponta a ponta|e-mail privado com PGP'],
  'mailing-lists': ['mailing lists and newsletters|discussion lists for your members', 'listas de correo y boletines|listas de discusión para tu membresía', 'listes de diffusion et infolettres|listes de discussion pour vos membres', 'listas de e-mail e boletins|listas de discussão para associados'],
  'chat-hosting': ['Matrix and XMPP chat servers|team chat you control', 'servidores de chat Matrix y XMPP|mensajería interna para equipos', 'serveurs de clavardage Matrix et XMPP|messagerie d’équipe que vous contrôlez', 'servidores de chat Matrix e XMPP|bate-papo para equipes'],
  'video-conferencing': ['video calls with Jitsi and BigBlueButton|online meetings without Big Tech', 'videollamadas con Jitsi y BigBlueButton|reuniones en línea sin grandes plataformas', 'visioconférence avec Jitsi et BigBlueButton|réunions en ligne hors des GAFAM', 'videochamadas com Jitsi e BigBlueButton|reuniões online sem big techs'],
  'fediverse-hosting': ['Mastodon and PeerTube instances|your own corner of the fediverse', 'instancias de Mastodon y PeerTube|tu propio espacio en el fediverso', 'instances Mastodon et PeerTube|votre place dans le fédivers', 'instâncias de Mastodon e PeerTube|seu espaço no fediverso'],
  'voip-telephony': ['internet telephony and call centres|VoIP phone lines', 'telefonía por internet y centrales|líneas de teléfono VoIP', 'téléphonie par internet|lignes téléphoniques VoIP', 'telefonia pela internet|linhas de telefone VoIP'],
  'website-development': ['websites built for movements|building and maintaining websites', 'desarrollo de páginas web para movimientos|creación y mantenimiento de sitios web', 'création de sites pour les mouvements|conception et maintenance de sites web', 'criação de sites para movimentos|desenvolvimento e manutenção de sites'],
  'web-design': ['web design with care for people|designing clear and friendly websites', 'diseño de páginas web|diseño de sitios claros y amables', 'design de sites web|maquettes et design pour le web', 'design de sites|layout e design para a web'],
  'software-development': ['custom software development|free software built to order', 'desarrollo de software a la medida|programación de sistemas libres', 'développement de logiciels sur mesure|programmation de logiciels libres', 'desenvolvimento de software sob medida|programação de sistemas livres'],
  'mobile-apps': ['mobile apps for Android and iOS|apps for phones', 'aplicaciones para celulares|apps móviles para Android', 'applications pour téléphones|applis mobiles Android et iOS', 'aplicativos para celular|apps para Android e iOS'],
  'free-software-support': ['support for free and open source software|help moving to Linux and LibreOffice', 'soporte en software libre|migración a GNU/Linux y LibreOffice', 'accompagnement aux logiciels libres|migration vers Linux et LibreOffice', 'suporte em software livre|migração para Linux e LibreOffice'],
  'database-development': ['databases and data systems|data systems for your records', 'bases de datos y sistemas de información|sistemas para organizar tus registros', 'bases de données|systèmes d’information pour vos fichiers', 'bancos de dados|sistemas de informação para seus cadastros'],
  'accessibility-audits': ['accessibility reviews against WCAG|making sites usable for disabled people', 'revisiones de accesibilidad web|sitios usables por personas con discapacidad', 'audits d’accessibilité RGAA|sites utilisables par les personnes handicapées', 'avaliação de acessibilidade digital|sites acessíveis para pessoas com deficiência'],
  'ux-research': ['user research and testing|talking with the people who use your tools', 'investigación con personas usuarias|pruebas de usabilidad', 'recherche utilisateur|tests d’utilisabilité', 'pesquisa com usuários|testes de usabilidade'],
  'security-training': ['digital security workshops|holistic security training for activists', 'talleres de seguridad digital|acompañamiento en seguridad holística', 'ateliers d’autodéfense numérique|formations à la sécurité informatique', 'oficinas de segurança digital|formação em cuidados digitais'],
  'security-audits': ['security audits of your systems|penetration testing', 'auditorías de seguridad informática|pruebas de penetración', 'audits de sécurité informatique|tests d’intrusion', 'auditorias de segurança da informação|testes de invasão'],
  'incident-response': ['help when you are hacked|incident response for organisations under attack', 'respuesta a incidentes digitales|ayuda cuando hackean tu organización', 'réponse aux incidents|aide en cas de piratage', 'resposta a incidentes|ajuda quando sua organização é atacada'],
  vpn: ['a VPN for safer browsing|VPN access for your team', 'una VPN para navegar con privacidad|acceso VPN para tu equipo', 'un VPN pour naviguer en sécurité|accès VPN pour votre équipe', 'uma VPN para navegar com privacidade|acesso VPN para sua equipe'],
  'threat-modelling': ['threat modelling and risk assessment|risk analysis for at-risk groups', 'análisis de riesgos digitales|modelado de amenazas', 'analyse de risques numériques|modélisation des menaces', 'análise de riscos digitais|modelagem de ameaças'],
  'privacy-consulting': ['privacy and data protection advice|GDPR compliance', 'asesoría en protección de datos personales|privacidad y datos', 'conseil en protection des données (RGPD)|accompagnement vie privée', 'consultoria em proteção de dados (LGPD)|privacidade e dados pessoais'],
  'it-support': ['IT support for your office|computer help desk', 'soporte técnico informático|mesa de ayuda para tu oficina', 'support informatique|assistance technique pour vos postes', 'suporte técnico de informática|help desk para seu escritório'],
  'network-installation': ['installing office networks and wifi|network cabling', 'instalación de redes y wifi|cableado de redes', 'installation de réseaux et de wifi|câblage réseau', 'instalação de redes e wi-fi|cabeamento de rede'],
  'community-networks': ['community wireless networks|community-owned internet', 'redes comunitarias de internet|internet comunitario', 'réseaux communautaires sans fil|internet associatif', 'redes comunitárias de internet|internet comunitária'],
  'internet-access': ['affordable internet access|connecting rural communities', 'acceso a internet asequible|conectividad para comunidades rurales', 'accès à internet abordable|connexion des zones rurales', 'acesso à internet acessível|conexão para comunidades rurais'],
  'hardware-repair': ['computer repair and refurbishing|second life for old laptops', 'reparación de computadoras|reacondicionamiento de equipos usados', 'réparation d’ordinateurs|reconditionnement de matériel', 'conserto de computadores|recondicionamento de equipamentos'],
  'backup-services': ['off-site backups|backups of your data', 'respaldos de información|copias de seguridad de tus datos', 'sauvegardes externalisées|sauvegarde de vos données', 'cópias de segurança dos seus dados|backups externos'],
  'digital-literacy': ['digital skills for everyone|digital literacy classes', 'alfabetización digital|cursos de computación básica', 'inclusion numérique|initiation à l’informatique', 'inclusão digital|cursos de informática básica'],
  'technical-training': ['technical training for sysadmins|courses for tech teams', 'formación técnica|cursos para equipos técnicos', 'formation technique|cours pour les équipes techniques', 'formação técnica|cursos para equipes técnicas'],
  'coding-workshops': ['coding workshops for young people|learn-to-code classes', 'talleres de programación para jóvenes|cursos de código', 'ateliers de programmation|initiation au code pour les jeunes', 'oficinas de programação|cursos de código para jovens'],
  'tech-consulting': ['technology strategy advice|help choosing the right tools', 'consultoría tecnológica|acompañamiento para elegir herramientas', 'conseil en stratégie numérique|accompagnement au choix d’outils', 'consultoria em tecnologia|apoio na escolha de ferramentas'],
  'data-analysis': ['data analysis and visualisation|research with data', 'análisis de datos|visualización de datos', 'analyse de données|visualisation de données', 'análise de dados|visualização de dados'],
  'mapping-gis': ['maps and GIS|community mapping', 'mapas y sistemas de información geográfica|mapeo comunitario', 'cartographie et SIG|cartographie participative', 'mapas e sistemas de informação geográfica|mapeamento comunitário'],
  'open-data': ['open data publishing|opening public data', 'datos abiertos|publicación de datos públicos', 'données ouvertes|ouverture des données publiques', 'dados abertos|publicação de dados públicos'],
  'crm-setup': ['membership and contact databases (CiviCRM)|CRM for unions and associations', 'gestión de membresía con CiviCRM|CRM para sindicatos', 'gestion des adhérents avec CiviCRM|CRM pour associations', 'gestão de associados com CiviCRM|CRM para sindicatos'],
  'bookkeeping-software': ['accounting software for co-ops|bookkeeping tools', 'software contable para cooperativas|sistemas de contabilidad', 'logiciels de comptabilité pour coopératives|outils de gestion comptable', 'software de contabilidade para cooperativas|sistemas contábeis'],
  translation: ['translation and localisation|subtitles and translations', 'traducción y localización|traducción y subtitulado', 'traduction et localisation|traduction et sous-titrage', 'tradução e localização|tradução e legendagem'],
  'graphic-design': ['graphic design and posters|visual identity', 'diseño gráfico|identidad visual y carteles', 'graphisme et affiches|identité visuelle', 'design gráfico|identidade visual e cartazes'],
  'video-production': ['video production and documentaries|filming and editing', 'producción audiovisual|video documental', 'production vidéo et documentaires|tournage et montage', 'produção audiovisual|vídeos documentários'],
  'podcast-hosting': ['podcast and community radio hosting|streaming for community radio', 'hospedaje de pódcast y radios comunitarias|streaming para radios libres', 'hébergement de podcasts et de radios associatives|diffusion en continu pour radios libres', 'hospedagem de podcasts e rádios comunitárias|streaming para rádios livres'],
  'digital-campaigns': ['digital campaigns and petitions|online organising', 'campañas digitales|comunicación en redes para movimientos', 'campagnes numériques|mobilisation en ligne', 'campanhas digitais|mobilização online'],
  ecommerce: ['online shops for co-ops|selling online', 'tiendas en línea para cooperativas|comercio electrónico', 'boutiques en ligne pour coopératives|vente en ligne', 'lojas virtuais para cooperativas|vendas online'],
  'payment-systems': ['donation and payment tools|online payments and fundraising', 'plataformas de donaciones y pagos|cobros en línea', 'outils de dons et de paiement|paiement en ligne et collecte de fonds', 'plataformas de doações e pagamentos|pagamentos online'],
  'coop-governance-tools': ['tools for co-op governance and voting|Loomio and decision tools', 'herramientas de gobernanza cooperativa|votaciones y asambleas en línea', 'outils de gouvernance coopérative|votes et assemblées en ligne', 'ferramentas de governança cooperativa|votações e assembleias online'],
  'research-archiving': ['digital archives for movements|archiving and memory projects', 'archivo digital de movimientos|preservación de la memoria', 'archivage numérique|archives des luttes', 'arquivamento digital|preservação da memória dos movimentos']
}

/** A service in words, in a language; `variant` picks one of its two ways. */
export function phrase(service: string, lang: Lang, variant: number): string {
  const row = ROWS[service]
  if (!row) throw new Error(`relevance bench: no phrases for service ${service} in bench/relevance/phrases.ts`)
  const cell = row[(['en', 'es', 'fr', 'pt'] as const).indexOf(lang)] as string
  const variants = cell.split('|')
  return variants[variant % variants.length] as string
}

/** The services the corpus can describe (every id in the vocabulary must be here). */
export const DESCRIBED_SERVICES: readonly string[] = Object.keys(ROWS)
