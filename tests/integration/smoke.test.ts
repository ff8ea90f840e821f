import { describe, expect, it, inject } from 'vitest';
import { dataOf, gql, jwtOf } from '../harness/graphql.js';

describe('the test Strapi', () => {
  it('boots and serves the seeded organisation tree over GraphQL', async () => {
    const res = await gql<{
      nastavnikOrganisations: Array<{ slug: string; kind: string; parent: { slug: string } | null }>;
    }>(`{ nastavnikOrganisations(pagination: { limit: 100 }) { slug kind parent { slug } } }`);
    expect(res.errors).toBeUndefined();
    const bor = dataOf(res).nastavnikOrganisations.find((o) => o.slug === 'bor-demo-school');
    expect(bor?.parent?.slug).toBe('bor-uoimp');
    expect(inject('bootMs')).toBeGreaterThan(0);
  });

  it('tells a signed-in user their organisation and role', async () => {
    const res = await gql<{ nastavnikMe: unknown }>(
      `{ nastavnikMe { username role roleLabel organisation { slug } } }`,
      {},
      jwtOf('demoCurator'),
    );
    expect(res.errors).toBeUndefined();
    expect(dataOf(res).nastavnikMe).toEqual({
      username: 'demoCurator',
      role: 'curator',
      roleLabel: 'Куратор',
      organisation: { slug: 'bor-demo-school' },
    });
  });
});
