/** La página Murmurations de la operación (issue 13), en español: cada clave del bloque inglés (./en.ts). */
import type { MurmurationsCatalog } from './en'

export const murmurationsEs: MurmurationsCatalog = {
  'murm.nav': 'Murmurations',
  'murm.title': 'Índice Murmurations',
  'murm.intro': 'Cada ficha aprobada se registra en el índice Murmurations por la dirección de su perfil; el índice responde con el estado del nodo. Las llamadas que fallan un tiempo (índice ocupado o caído) se vuelven a intentar.',
  'murm.off': 'No hay índice: MURMURATIONS_INDEX_URL está vacía, así que las fichas no se registran.',
  'murm.index': 'Índice',
  'murm.listing': 'Ficha',
  'murm.status': 'Estado del nodo',
  'murm.lastError': 'Último error',
  'murm.lastTry': 'Último intento',
  'murm.none': 'Aún no se ha enviado ninguna ficha al índice.',
  'murm.status.received': 'Recibido',
  'murm.status.validated': 'Validado',
  'murm.status.validation_failed': 'Rechazado por el índice',
  'murm.status.post_failed': 'Aún no publicado (el índice lo reintenta)',
  'murm.status.posted': 'Publicado',
  'murm.status.deleted': 'Retirado',
  'murm.status.unknown': 'Sin respuesta todavía',
  'murm.importTitle': 'Perfiles reflejados desde un índice',
  'murm.importOff': 'No hay índice que reflejar: MURMURATIONS_IMPORT_URL está vacía.',
  'murm.importFrom': 'Reflejados desde {url}, cada {minutes} min',
  'murm.importLast': 'Última pasada: {created} nuevos, {updated} actualizados, {removed} retirados, {refused} rechazados, {duplicates} ya presentes.',
  'murm.importNever': 'Aún no se ha ejecutado.',
  'murm.importError': 'La última pasada se detuvo: {error}'
}
