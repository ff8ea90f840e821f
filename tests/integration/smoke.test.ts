import { describe, expect, it, inject } from 'vitest';
import { gql, jwtOf } from '../harness/graphql.js';

describe('the test Strapi', () => {
  it('boots and serves the seeded organisation tree over GraphQL', async () => {
    const res = await gql(
      `{ nastavnikOrganisations(pagination: { limit: 100 }) { slug kind parent { slug } } }`,
    );
    expect(res.errors).toBeUndefined();
    const bor = res.data.nastavnikOrganisations.find((o: any) => o.slug === 'bor-demo-school');
    expect(bor.parent.slug).toBe('bor-uoimp');
    expect(inject('bootMs')).toBeGreaterThan(0);
  });

  it('tells a signed-in user their organisation and role', async () => {
    const res = await gql(
      `{ nastavnikMe { username role roleLabel organisation { slug } } }`,
      {},
      jwtOf('demoCurator'),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.nastavnikMe).toEqual({
      username: 'demoCurator',
      role: 'curator',
      roleLabel: 'Куратор',
      organisation: { slug: 'bor-demo-school' },
    });
  });
});
