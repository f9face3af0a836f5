/** La page Murmurations de l’opération (issue 13), en français : chaque clé du bloc anglais (./en.ts). */
import type { MurmurationsCatalog } from './en'

export const murmurationsFr: MurmurationsCatalog = {
  'murm.nav': 'Murmurations',
  'murm.title': 'Index Murmurations',
  'murm.intro': 'Chaque fiche approuvée est enregistrée auprès de l’index Murmurations par l’adresse de son profil ; l’index répond avec l’état du nœud. Les appels qui échouent un moment (index occupé ou en panne) sont retentés.',
  'murm.off': 'Aucun index : MURMURATIONS_INDEX_URL est vide, les fiches ne sont donc pas enregistrées.',
  'murm.index': 'Index',
  'murm.listing': 'Fiche',
  'murm.status': 'État du nœud',
  'murm.lastError': 'Dernière erreur',
  'murm.lastTry': 'Dernier essai',
  'murm.none': 'Aucune fiche n’a encore été envoyée à l’index.',
  'murm.status.received': 'Reçu',
  'murm.status.validated': 'Validé',
  'murm.status.validation_failed': 'Refusé par l’index',
  'murm.status.post_failed': 'Pas encore publié (l’index réessaie)',
  'murm.status.posted': 'Publié',
  'murm.status.deleted': 'Retiré',
  'murm.status.unknown': 'Pas encore de réponse',
  'murm.importTitle': 'Profils reflétés depuis un index',
  'murm.importOff': 'Aucun index à refléter : MURMURATIONS_IMPORT_URL est vide.',
  'murm.importFrom': 'Reflétés depuis {url}, toutes les {minutes} min',
  'murm.importLast': 'Dernier passage : {created} nouveaux, {updated} mis à jour, {removed} retirés, {refused} refusés, {duplicates} déjà présents.',
  'murm.importNever': 'Pas encore lancé.',
  'murm.importError': 'Le dernier passage s’est arrêté : {error}'
}
