/**
 * Russian wording for stored enumeration values where only the values are known, as in Strapi's admin
 * panel, which hands its inputs, list cells and filters the attribute's value list and nothing else.
 * No two enumerations of the domain have the same set of values (a unit test keeps it so), so the set
 * names the enumeration.
 */
import { enumerations, type Enumeration } from './enums.js';

const keyOf = (values: readonly string[]) => [...values].sort().join('\u0000');

const byValueSet = new Map<string, Enumeration<string>>(
  Object.values(enumerations).map((e: Enumeration<string>) => [keyOf(e.values), e]),
);

/** The domain enumeration whose values are exactly these, in any order. */
export function enumerationOfValues(values: readonly string[]): Enumeration<string> | undefined {
  return byValueSet.get(keyOf(values));
}

/** The label of one value of the attribute whose values are `values`; the value itself if unknown. */
export function enumValueLabel(values: readonly string[], value: string): string {
  return enumerationOfValues(values)?.labels[value] ?? value;
}
