/** How a contract's fields become GraphQL fields (the integration suite checks the live schema). */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { roadmapImportInputSchema } from '@nastavnik/shared';
import { deriveFields } from '../graphql/zod-types.js';

describe('deriveFields', () => {
  it('maps scalars, nullability, defaults, ids, enums and structured values', () => {
    const schema = z.object({
      documentId: z.string(),
      title: z.string().nullable(),
      count: z.number().int(),
      share: z.number().optional(),
      ok: z.boolean().default(true),
      mode: z.enum(['a', 'b']).default('a'),
      html: z.string().pipe(z.string().min(1)),
      payload: z.object({ a: z.string() }),
      rows: z.array(z.string()),
    });
    expect(deriveFields(schema, { ids: ['documentId'], enums: { mode: 'Mode' } })).toEqual({
      documentId: { type: 'ID', nonNull: true },
      title: { type: 'String', nonNull: false },
      count: { type: 'Int', nonNull: true },
      share: { type: 'Float', nonNull: false },
      ok: { type: 'Boolean', nonNull: true, default: true },
      mode: { type: 'Mode', nonNull: true, default: 'a' },
      html: { type: 'String', nonNull: true },
      payload: { type: 'JSON', nonNull: true },
      rows: { type: 'JSON', nonNull: true },
    });
  });

  it('gives the road-map import input its defaults', () => {
    const fields = deriveFields(roadmapImportInputSchema);
    expect(fields.dryRun).toEqual({ type: 'Boolean', nonNull: true, default: true });
    expect(fields.onDuplicate).toEqual({ type: 'String', nonNull: true, default: 'fail' });
    expect(fields.text).toEqual({ type: 'String', nonNull: false });
  });
});
