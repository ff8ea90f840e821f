/**
 * One contract per operation: the GraphQL types the extension talks to are the shared zod schemas.
 * Derived types must match their schema field for field (name, type, nullability); the meeting input,
 * which Strapi generates from the content type, must offer every field of the meeting-record contract.
 */
import { describe, expect, it } from 'vitest';
import {
  captureApplyResultSchema,
  captureSubmissionSchema,
  captureSubmitResultSchema,
  meetingRecordSchema,
  roadmapImportInputSchema,
  roadmapImportResultSchema,
} from '@nastavnik/shared';
import type { z } from 'zod';
import { deriveFields, type DeriveOptions } from '../../cms/plugin/server/src/graphql/zod-types.js';
import { gql } from '../harness/graphql.js';

interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}
interface IntrospectedField {
  name: string;
  type: TypeRef;
  defaultValue?: string | null;
}

const TYPE_QUERY = `query($name: String!) { __type(name: $name) {
  fields { name type { kind name ofType { kind name ofType { kind name } } } }
  inputFields { name defaultValue type { kind name ofType { kind name ofType { kind name } } } }
} }`;

async function fieldsOf(name: string): Promise<IntrospectedField[]> {
  const res = await gql<{
    __type: { fields: IntrospectedField[] | null; inputFields: IntrospectedField[] | null } | null;
  }>(TYPE_QUERY, { name });
  expect(res.errors, res.raw).toBeUndefined();
  const type = res.data?.__type;
  expect(type, `GraphQL type ${name}`).toBeTruthy();
  return type?.inputFields ?? type?.fields ?? [];
}

const shape = (type: TypeRef) =>
  type.kind === 'NON_NULL' ? { nonNull: true, type: type.ofType?.name } : { nonNull: false, type: type.name };

const importOptions: DeriveOptions = {
  ids: ['organisation', 'roadmapDocumentId'],
  enums: { onDuplicate: 'NastavnikImportDuplicateMode' },
};

describe('GraphQL types are the shared contracts', () => {
  it.each([
    ['NastavnikRoadmapImportInput', roadmapImportInputSchema, importOptions],
    ['NastavnikRoadmapImportResult', roadmapImportResultSchema, importOptions],
    ['NastavnikCaptureSubmitInput', captureSubmissionSchema, {}],
    ['NastavnikCaptureSubmitResult', captureSubmitResultSchema, { ids: ['documentId'] }],
    ['NastavnikCaptureApplyResult', captureApplyResultSchema, { ids: ['documentId'] }],
  ] as Array<[string, z.ZodObject, DeriveOptions]>)(
    '%s matches its zod schema',
    async (name, schema, options) => {
      const actual = Object.fromEntries((await fieldsOf(name)).map((f) => [f.name, shape(f.type)]));
      const expected = Object.fromEntries(
        Object.entries(deriveFields(schema, options)).map(([field, d]) => [
          field,
          { nonNull: d.nonNull, type: d.type },
        ]),
      );
      expect(actual).toEqual(expected);
    },
  );

  it('the import input keeps the defaults of the contract', async () => {
    const defaults = Object.fromEntries(
      (await fieldsOf('NastavnikRoadmapImportInput')).map((f) => [f.name, f.defaultValue]),
    );
    expect(defaults).toMatchObject({ dryRun: 'true', onDuplicate: 'fail', publish: 'false' });
  });

  it('the meeting input offers every field of the meeting-record contract', async () => {
    const fields = new Set((await fieldsOf('NastavnikMeetingInput')).map((f) => f.name));
    for (const field of Object.keys(meetingRecordSchema.shape)) expect(fields, field).toContain(field);
    const feedback = new Set((await fieldsOf('ComponentNastavnikFeedbackInput')).map((f) => f.name));
    expect(feedback).toContain('rating');
    expect(feedback).toContain('comment');
  });
});
