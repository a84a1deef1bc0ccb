/**
 * Strings by their UTF-16 code units, as `<` compares them: the same order on every machine and
 * in every locale, unlike `localeCompare`. For keys and ids, not for names people read.
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
