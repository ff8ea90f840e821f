/**
 * Zod issues as short Russian lines for the panel and the CMS («Строка 4, ФИО: пустое значение»),
 * because a path like `payload.rows.3.fullName` means nothing to a teacher.
 */
import type { z } from 'zod';

const FIELD_LABELS: Readonly<Record<string, string>> = {
  fullName: 'ФИО',
  lastName: 'фамилия',
  firstName: 'имя',
  middleName: 'отчество',
  className: 'класс',
  birthDate: 'дата рождения',
  averageGrade: 'средний балл',
  absences: 'пропуски',
  attendancePercent: 'посещаемость',
  grades: 'оценки',
  finalGrade: 'итоговая отметка',
  title: 'заголовок',
  summary: 'краткое описание',
  html: 'текст',
  images: 'изображения',
  sourceUrl: 'адрес страницы',
  sectionUrl: 'адрес раздела',
  curator: 'куратор',
  name: 'ФИО',
  position: 'должность',
  phone: 'телефон',
  email: 'электронная почта',
  parts: 'части раздела',
  links: 'ссылки',
  href: 'ссылка',
  rows: 'строки',
  kind: 'вид',
  adapter: 'адаптер',
  idempotencyKey: 'ключ идемпотентности',
};

function describePath(path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  for (let index = 0; index < path.length; index += 1) {
    const segment = path[index];
    const previous = path[index - 1];
    if (segment === 'payload') continue;
    if (typeof segment === 'number') {
      parts.push(previous === 'rows' ? `строка ${segment + 1}` : `№ ${segment + 1}`);
    } else if (typeof segment === 'string' && !(segment === 'rows' && typeof path[index + 1] === 'number')) {
      parts.push(FIELD_LABELS[segment] ?? segment);
    }
  }
  return parts.join(', ');
}

/** At most `limit` lines; a table with a thousand bad dates should not flood the panel. */
export function describeIssues(error: z.ZodError, limit = 8): string[] {
  const lines = error.issues.slice(0, limit).map((issue) => {
    const where = describePath(issue.path);
    return where ? `${where.charAt(0).toUpperCase()}${where.slice(1)}: ${issue.message}` : issue.message;
  });
  if (error.issues.length > limit) lines.push(`…и ещё ${error.issues.length - limit}`);
  return lines;
}
