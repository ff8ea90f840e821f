/** Reading back what an import stored in JSON columns, which the database hands over untyped. */
import { roadmapSectionDraftSchema, type RoadmapSectionDraft } from '@nastavnik/shared';

const sectionsSchema = roadmapSectionDraftSchema.array();

/** The road map's sections; an edited or broken value reads as none rather than failing a page. */
export function storedSections(value: unknown): RoadmapSectionDraft[] {
  const parsed = sectionsSchema.safeParse(value);
  return parsed.success ? parsed.data : [];
}
