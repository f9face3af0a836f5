/**
 * Writing CSV that Excel and LibreOffice open correctly, for every CSV
 * export format: UTF-8 with a byte-order mark (without it Excel reads the
 * file as the system's code page and garbles every accent), CRLF line ends,
 * `,` between cells, and a cell quoted when it holds a comma, a quote or a
 * line break or spaces at its ends (quotes doubled). Every cell passes the
 * formula guard of cells.ts.
 */
import { stringify } from 'csv-stringify/sync'
import { guardCell } from './cells'

/** The byte-order mark that opens every CSV Tejido writes. */
export const BOM = '\ufeff'

/** One record as a line of CSV, ending in CRLF. */
export const csvLine = (cells: readonly string[]): string => stringify([cells.map(guardCell)], { record_delimiter: '\r\n', quoted_match: /[\r\n]|^\s|\s$/ })
