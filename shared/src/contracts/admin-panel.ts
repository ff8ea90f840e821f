/**
 * What the plugin's admin-panel screens receive from its admin routes (/nastavnik/...). The server
 * builds these shapes and the screens read them; both sides are compiled against these types.
 */
import type { UserRole } from '../enums.js';
import type { KpiReport } from './kpi.js';

/** One organisation's KPI report on the overview, and whether the account may download the reports. */
export type AdminKpiOverview = KpiReport & { downloads: boolean };

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
  /** KPI targets against the computed values of the account's organisation over its subtree. */
  kpiReports: AdminKpiOverview[];
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

/** The programme cycle on the overview (`/nastavnik/overview` answers it next to `AdminOverview`). */
export interface AdminCycleOverview {
  /** Where each programme stands in the cycle (counts only). */
  programmeCycle: AdminProgrammeCycleItem[];
  /** Meetings that took place without the feedback that makes them held; null for roles that never see people. */
  meetingsAwaitingFeedback: AdminMeetingAwaitingFeedback[] | null;
}

export interface AdminProgrammeCycleItem {
  documentId: string;
  title: string;
  organisation: string;
  stage: string;
  stageLabel: string;
  mentees: number;
  mentors: number;
  mentorsSelected: number;
  pairs: Partial<Record<string, number>>;
}

export interface AdminMeetingAwaitingFeedback {
  documentId: string;
  date: string;
  topic: string | null;
  pair: { documentId: string; title: string } | null;
  programme: string | null;
  organisation: string;
  /** Whose feedback is missing: mentee, mentor. */
  waitingFor: string[];
}

/** What the embedding panel needs: the public mount point and the organisations it may show. */
export interface AdminEmbedInfo {
  /** The public section's mount point with the site's address, e.g. `https://cms.example.ru/nastavnichestvo`. */
  base: string;
  /** Sites besides each organisation's own website that may frame the pages (PUBLIC_EMBED_ORIGINS). */
  allowedOrigins: string[];
  organisations: Array<{ documentId: string; name: string; slug: string; website: string | null }>;
}
