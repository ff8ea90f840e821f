/**
 * Russian labels for enumeration values in the Content Manager. Strapi shows enumeration values as they
 * are stored (`pupil`, `in_progress`) in forms, list cells and filters, and has no labels of its own;
 * the stored values stay as they are (GraphQL and REST clients depend on them), only what a person
 * reads and picks changes.
 */
import type { ReactNode } from 'react';
import { Field, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { useField } from '@strapi/strapi/admin';
import { enumValueLabel } from '@nastavnik/shared/enum-labels';

interface EnumerationInputProps {
  name: string;
  label: string;
  hint?: ReactNode;
  required?: boolean;
  disabled?: boolean;
  labelAction?: ReactNode;
  attribute: { enum?: string[] };
}

const CHOOSE = 'Выберите значение';

/** Replaces Strapi's enumeration input everywhere in the Content Manager (also inside components). */
export function EnumerationInput({
  name,
  label,
  hint,
  required,
  disabled,
  labelAction,
  attribute,
}: EnumerationInputProps) {
  const field = useField<string | null>(name);
  const values = attribute.enum ?? [];
  return (
    <Field.Root error={field.error} name={name} hint={hint} required={required}>
      <Field.Label action={labelAction}>{label}</Field.Label>
      <SingleSelect
        value={field.value}
        onChange={(value) => field.onChange(name, value === '' ? null : String(value))}
        disabled={disabled}
      >
        <SingleSelectOption value="" disabled={required} hidden={required}>
          {CHOOSE}
        </SingleSelectOption>
        {values.map((value) => (
          <SingleSelectOption key={value} value={value}>
            {enumValueLabel(values, value)}
          </SingleSelectOption>
        ))}
      </SingleSelect>
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
}

/** A list-view column as the Content Manager's `inject-column-in-table` hook hands it over. */
interface ListHeader {
  name: string;
  attribute?: { type?: string; enum?: string[] };
  cellFormatter?: unknown;
}

/** List cells of enumeration columns show the label; the column stays sortable by the stored value. */
export function labelEnumerationColumns<H extends ListHeader, L>({
  displayedHeaders,
  layout,
}: {
  displayedHeaders: H[];
  layout: L;
}) {
  return {
    layout,
    displayedHeaders: displayedHeaders.map((header) => {
      const values = header.attribute?.type === 'enumeration' ? header.attribute.enum : undefined;
      if (!values || header.cellFormatter) return header;
      return {
        ...header,
        cellFormatter: (row: Record<string, unknown>) => {
          const value = row[header.name];
          return typeof value === 'string' ? enumValueLabel(values, value) : '-';
        },
      };
    }),
  };
}

/** A list-view filter as the Content Manager's `inject-in-filters` hook hands it over. */
interface ListFilter {
  type?: string;
  options?: Array<{ label?: string; value: string }>;
}

/** Filters on enumeration fields offer the labels; the filter still compares stored values. */
export function labelEnumerationFilters<F extends ListFilter, L>({
  displayedFilters,
  layout,
}: {
  displayedFilters: F[];
  layout: L;
}) {
  return {
    layout,
    displayedFilters: displayedFilters.map((filter) => {
      if (filter.type !== 'enumeration' || !filter.options) return filter;
      const values = filter.options.map((o) => o.value);
      return {
        ...filter,
        options: filter.options.map((o) => ({ ...o, label: enumValueLabel(values, o.value) })),
      };
    }),
  };
}
