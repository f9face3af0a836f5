/**
 * The process's one gazetteer: its tables take about 0.25 s and 60 MB to
 * build, so every part that reads places (the search engines, the search
 * page's "near" field) shares it. Built on first use; `warm()` builds it
 * ahead of the first query. The vocabulary's words (labels and alternative
 * labels) are never read as a place on their own: "nube" or "loja" in a
 * query mean what they say.
 */
import { createGazetteer, type Gazetteer } from './gazetteer'
import { SERVICES, KINDS, serviceTerms, kindTerms } from '../../directory/vocabulary'

let shared: Gazetteer | undefined

export function sharedGazetteer(): Gazetteer {
  shared ??= createGazetteer({ deny: [...SERVICES.flatMap((s) => serviceTerms(s.id)), ...KINDS.flatMap((k) => kindTerms(k.id))] })
  return shared
}
