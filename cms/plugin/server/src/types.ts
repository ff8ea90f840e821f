import type { Core } from '@strapi/strapi';

export type Strapi = Core.Strapi;

/** Plain shape of a row as returned by strapi.db.query: fields by name, unknown values. */
export type Row = Record<string, unknown> & { id: number; documentId: string };
