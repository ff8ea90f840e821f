/**
 * What the plugin's admin-panel screens receive from its admin routes (/nastavnik/...). The server
 * builds these shapes and the screens read them; both sides are compiled against these types.
 */
import type { UserRole } from '../enums.js';

export interface AdminActivityItem {
  documentId: string;
  title: string;
  deadlineText: string | null;
  sortDate: string | null;
  organisation: { documentId: string; name: string } | null;
  roadmap: { documentId: string; title: string } | null;
}

export interface AdminOverview {
  /** The account's plugin role; `superadmin` for Strapi's super admins. */
  role: UserRole | 'superadmin' | null;
  organisations: number;
  year: number;
  overdue: AdminActivityItem[];
  dueSoon: AdminActivityItem[];
  roadmaps: Array<{
    documentId: string;
    title: string;
    organisation: string;
    total: number;
    done: number;
    overdue: number;
  }>;
  casesAwaitingReview: Array<{
    documentId: string;
    title: string;
    submittedAt: string;
    organisation: string;
  }>;
  kpis: Array<{
    documentId: string;
    title: string;
    unit: string;
    organisation: string;
    target: number | string | null;
    actual: number | string | null;
  }>;
  /** Counted for curators and super admins only; null for roles that never see people. */
  awaitingConsent: number | null;
}

export interface AdminOrganisationOption {
  documentId: string;
  name: string;
}

export interface AdminReviewItem {
  documentId: string;
  title: string;
  submittedAt: string;
  submittedBy: string | null;
  organisation: string;
  previousNote: string | null;
  /** Never approved before: there is nothing to compare with. */
  firstReview: boolean;
  /** Russian labels of the parts changed since the methodist last approved the case. */
  changedFields: string[];
}

/** What the embedding panel needs: the public mount point and the organisations it may show. */
export interface AdminEmbedInfo {
  /** The public section's mount point with the site's address, e.g. `https://cms.example.ru/nastavnichestvo`. */
  base: string;
  /** Sites besides each organisation's own website that may frame the pages (PUBLIC_EMBED_ORIGINS). */
  allowedOrigins: string[];
  organisations: Array<{ documentId: string; name: string; slug: string; website: string | null }>;
}
