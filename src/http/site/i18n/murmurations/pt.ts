/** A página Murmurations da operação (issue 13), em português: cada chave do bloco inglês (./en.ts). */
import type { MurmurationsCatalog } from './en'

export const murmurationsPt: MurmurationsCatalog = {
  'murm.nav': 'Murmurations',
  'murm.title': 'Índice Murmurations',
  'murm.intro': 'Cada ficha aprovada é registada no índice Murmurations pelo endereço do seu perfil; o índice responde com o estado do nó. As chamadas que falham por um tempo (índice ocupado ou em baixo) são tentadas de novo.',
  'murm.off': 'Não há índice: MURMURATIONS_INDEX_URL está vazia, por isso as fichas não são registadas.',
  'murm.index': 'Índice',
  'murm.listing': 'Ficha',
  'murm.status': 'Estado do nó',
  'murm.lastError': 'Último erro',
  'murm.lastTry': 'Última tentativa',
  'murm.none': 'Ainda nenhuma ficha foi enviada ao índice.',
  'murm.status.received': 'Recebido',
  'murm.status.validated': 'Validado',
  'murm.status.validation_failed': 'Recusado pelo índice',
  'murm.status.post_failed': 'Ainda não publicado (o índice tenta de novo)',
  'murm.status.posted': 'Publicado',
  'murm.status.deleted': 'Retirado',
  'murm.status.unknown': 'Ainda sem resposta',
  'murm.importTitle': 'Perfis espelhados de um índice',
  'murm.importOff': 'Não há índice a espelhar: MURMURATIONS_IMPORT_URL está vazia.',
  'murm.importFrom': 'Espelhados de {url}, a cada {minutes} min',
  'murm.importLast': 'Última passagem: {created} novos, {updated} atualizados, {removed} retirados, {refused} recusados, {duplicates} já presentes.',
  'murm.importNever': 'Ainda não executado.',
  'murm.importError': 'A última passagem parou: {error}'
}
