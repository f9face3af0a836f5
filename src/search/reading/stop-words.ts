/**
 * Function words of English, Spanish, French and Portuguese, folded (lower
 * case, accents off): "de", "para", "near", "à", "perto". A query's stop
 * words never keep a listing out (search drops them before matching), and
 * the gazetteer never reads one as a place. One list for both.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  [
    // en
    'a an the in on at of to for from by with and or near around nearby close my our your we us i me need needs looking who that is are any some',
    // es
    'el la los las lo un una unos unas de del al en para por con sin y o u e que cerca mi mis nuestro nuestra busco necesito buscamos necesitamos se su sus desde hacia',
    // fr
    'le les l un une des de du d en a au aux pour par avec sans et ou pres dans sur qui que je nous mon ma mes notre nos cherche cherchons besoin vers chez proche',
    // pt
    'o os as um uma uns umas de do da dos das em no na nos nas para por com sem e ou ao aos perto que meu minha nosso nossa preciso procuro precisamos procuramos num numa pela pelo'
  ].flatMap((line) => line.split(' '))
)

