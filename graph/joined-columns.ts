/**
 * A row's numbers (positions in lists, counts) sent as one text instead of one value each: the driver runs every
 * parameter value through its type checks and packs it on its own (about a microsecond each, on the importer's main
 * thread), and a 100x import sends millions of them. A row's fields are separated by '|' and a field's list items
 * by ','; numbers are written as JS writes them, which Cypher reads back to the same value (toInteger, toFloat).
 * Only numbers go through this text, so no separator can occur inside a value. (One text per row, not one per batch:
 * a query that carried the batch's split rows from row to row would have Neo4j account for the whole list each time.)
 */

/** A row of fields, each field a number or a list of numbers (an empty list is an empty field). */
export function joinRow(fields: readonly (readonly number[] | number)[]): string {
  return fields.map((f) => (typeof f === 'number' ? String(f) : f.join(','))).join('|');
}

/** Cypher: the list of integers of a field (a text of ','-separated numbers; the empty text is the empty list). */
export const FIELD_INTEGERS = (field: string): string => `CASE WHEN ${field} = '' THEN [] ELSE [k IN split(${field}, ',') | toInteger(k)] END`;

/** Cypher: the strings of `$table` at the positions in a field (see FIELD_INTEGERS). */
export const FIELD_STRINGS = (table: string, field: string): string => `CASE WHEN ${field} = '' THEN [] ELSE [k IN split(${field}, ',') | $${table}[toInteger(k)]] END`;
