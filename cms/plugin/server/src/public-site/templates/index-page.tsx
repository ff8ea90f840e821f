/** The list of every organisation's section, as the tree region → municipality → organisation. */
import { organisationKinds, type OrganisationKind } from '@nastavnik/shared';
import { href, type PageContext } from '../context.js';
import type { Organisation } from '../data.js';
import { Layout, SITE_NAME } from './layout.js';

interface Node {
  organisation: Organisation;
  children: Node[];
}

function tree(organisations: Organisation[]): Node[] {
  const nodes = new Map(organisations.map((o) => [o.slug, { organisation: o, children: [] as Node[] }]));
  const roots: Node[] = [];
  for (const node of nodes.values()) {
    const parent = node.organisation.parent?.slug ? nodes.get(node.organisation.parent.slug) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

function Branch({ ctx, nodes }: { ctx: PageContext; nodes: Node[] }) {
  return (
    <ul className="org-tree">
      {nodes.map(({ organisation: o, children }) => (
        <li key={o.slug}>
          <a href={href(ctx, `/${o.slug}/`)}>{o.name}</a>
          <span className="muted"> — {organisationKinds.label(o.kind as OrganisationKind)}</span>
          {children.length ? <Branch ctx={ctx} nodes={children} /> : null}
        </li>
      ))}
    </ul>
  );
}

export function IndexPage({ ctx, organisations }: { ctx: PageContext; organisations: Organisation[] }) {
  return (
    <Layout
      ctx={ctx}
      title={`${SITE_NAME}: разделы организаций`}
      description="Разделы «Наставничество» образовательных организаций и органов управления образованием: дорожные карты, программы, показатели, лучшие практики и новости."
    >
      <h1>Наставничество в образовательных организациях</h1>
      <p>
        Здесь собраны разделы «Наставничество» школ, колледжей, учреждений дополнительного образования и
        органов управления образованием: как устроена целевая модель наставничества, дорожные карты и ход их
        выполнения, программы, показатели, лучшие практики и новости.
      </p>
      <h2>Организации</h2>
      <Branch ctx={ctx} nodes={tree(organisations)} />
    </Layout>
  );
}
