/**
 * The GraphQL operations the extension sends, named as the plugin names them (`nastavnikMe`,
 * `nastavnikSubmitCapture`, …) so a search finds the resolver, and with the result shapes typed here.
 */
import { gql, type TypedDocumentNode } from '@apollo/client';
import type { z } from 'zod';
import type {
  CaptureApplyResult,
  CaptureSubmitResult,
  MeetingRecord,
  roadmapImportInputSchema,
} from '@nastavnik/shared/contracts/index';
import type { CaptureSubmission } from '@nastavnik/shared/capture';

export interface MeData {
  nastavnikMe: {
    username: string;
    role: string | null;
    organisation: { documentId: string; name: string; shortName: string | null; slug: string | null } | null;
  } | null;
}

export const ME: TypedDocumentNode<MeData, Record<string, never>> = gql`
  query NastavnikMe {
    nastavnikMe {
      username
      role
      organisation {
        documentId
        name
        shortName
        slug
      }
    }
  }
`;

export interface SubmitCaptureData {
  nastavnikSubmitCapture: CaptureSubmitResult;
}
export interface SubmitCaptureVariables {
  data: CaptureSubmission;
}
export const SUBMIT_CAPTURE: TypedDocumentNode<SubmitCaptureData, SubmitCaptureVariables> = gql`
  mutation NastavnikSubmitCapture($data: NastavnikCaptureSubmitInput!) {
    nastavnikSubmitCapture(data: $data) {
      documentId
      state
      duplicate
    }
  }
`;

export interface ApplyCaptureData {
  nastavnikApplyCapture: CaptureApplyResult;
}
export interface ApplyCaptureVariables {
  documentId: string;
  options?: Record<string, unknown> | null;
}
export const APPLY_CAPTURE: TypedDocumentNode<ApplyCaptureData, ApplyCaptureVariables> = gql`
  mutation NastavnikApplyCapture($documentId: ID!, $options: JSON) {
    nastavnikApplyCapture(documentId: $documentId, options: $options) {
      documentId
      state
      message
      createdCount
    }
  }
`;

export interface PairsData {
  nastavnikPairs: Array<{ documentId: string; title: string | null }>;
}
/** Pairs at work (fixed by order or active): a proposed or finished pair holds no meetings. */
export const PAIRS: TypedDocumentNode<PairsData, Record<string, never>> = gql`
  query NastavnikPairs {
    nastavnikPairs(filters: { pairStatus: { in: ["approved", "active"] } }, sort: "title") {
      documentId
      title
    }
  }
`;

/** The meeting-record contract: the plugin checks every meeting write against the same schema. */
export type MeetingInput = MeetingRecord;
export interface CreateMeetingData {
  createNastavnikMeeting: { documentId: string } | null;
}
export const CREATE_MEETING: TypedDocumentNode<CreateMeetingData, { data: MeetingInput }> = gql`
  mutation CreateNastavnikMeeting($data: NastavnikMeetingInput!) {
    createNastavnikMeeting(data: $data) {
      documentId
    }
  }
`;

export type RoadmapImportInput = z.input<typeof roadmapImportInputSchema>;
export interface ImportRoadmapData {
  /** JSON fields arrive untyped; the client checks them against `roadmapImportResultSchema`. */
  nastavnikImportRoadmap: Record<string, unknown>;
}
export const IMPORT_ROADMAP: TypedDocumentNode<
  ImportRoadmapData,
  { input: RoadmapImportInput; withDraft: boolean }
> = gql`
  mutation NastavnikImportRoadmap($input: NastavnikRoadmapImportInput!, $withDraft: Boolean!) {
    nastavnikImportRoadmap(input: $input) {
      ok
      committed
      format
      warnings
      error
      duplicateOf
      roadmapDocumentId
      version
      activitiesCount
      kpisCount
      draft @include(if: $withDraft)
    }
  }
`;

/** The table HTML of a road-map capture as the CMS stored it (sanitised), and its organisation. */
export interface CaptureSourceData {
  nastavnikCapture: {
    documentId: string;
    kind: string;
    payload: { html?: unknown } | null;
    organisation: { documentId: string } | null;
  } | null;
}
export const CAPTURE_SOURCE: TypedDocumentNode<CaptureSourceData, { documentId: string }> = gql`
  query NastavnikCaptureSource($documentId: ID!) {
    nastavnikCapture(documentId: $documentId) {
      documentId
      kind
      payload
      organisation {
        documentId
      }
    }
  }
`;
