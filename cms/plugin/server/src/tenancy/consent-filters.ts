/**
 * What visitors may see of names and contacts on public types: only those with a publication consent.
 * Used for documents read anonymously (REST, root GraphQL queries) and for the same fields when GraphQL
 * resolves them nested inside other types.
 */
export const visibleAuthors = (authors: unknown) =>
  Array.isArray(authors)
    ? authors.filter((a: { publicationConsent?: boolean } | null) => a?.publicationConsent === true)
    : [];

export const visibleContact = (contact: unknown) =>
  contact && (contact as { publicationConsent?: boolean }).publicationConsent === true ? contact : null;
