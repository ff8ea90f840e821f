import { Badge, Box, Flex, Link, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import type {
  AdminActivityItem,
  AdminCycleOverview,
  AdminOverview,
} from '@nastavnik/shared/contracts/admin-panel';
import type { ReactNode } from 'react';
import { NavLink } from 'react-router-dom';
import { KpiReport } from './KpiReport.js';
import { Nav, editLink } from './Nav.js';
import { useLoad } from './useLoad.js';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box tag="section" background="neutral0" padding={6} shadow="tableShadow" hasRadius marginBottom={6}>
      <Typography tag="h2" variant="delta">
        {title}
      </Typography>
      <Box paddingTop={4}>{children}</Box>
    </Box>
  );
}

/** Activity titles run to several lines; the table wraps them instead of scrolling sideways. */
const WRAP = { whiteSpace: 'normal', minWidth: '40%' } as const;
const LISTED = 20;
const counted = (n: number) => (n >= LISTED ? `первые ${String(LISTED)}` : String(n));

const Empty = ({ children }: { children: ReactNode }) => (
  <Typography textColor="neutral600">{children}</Typography>
);

function Activities({ items, caption }: { items: AdminActivityItem[]; caption: string }) {
  if (!items.length) return <Empty>Нет мероприятий.</Empty>;
  return (
    <Table colCount={3} rowCount={items.length + 1} aria-label={caption}>
      <Thead>
        <Tr>
          <Th>Мероприятие</Th>
          <Th>Срок</Th>
          <Th>Организация</Th>
        </Tr>
      </Thead>
      <Tbody>
        {items.map((a) => (
          <Tr key={a.documentId}>
            <Td style={WRAP}>
              <Link tag={NavLink} to={editLink('roadmap-activity', a.documentId)}>
                {a.title}
              </Link>
            </Td>
            <Td>{a.deadlineText ?? '—'}</Td>
            <Td>{a.organisation?.name ?? '—'}</Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}

const PAIR_STATES: ReadonlyArray<[string, string]> = [
  ['proposed', 'предложено'],
  ['approved', 'закреплено'],
  ['active', 'работают'],
  ['completed', 'завершено'],
];
const WHO: Readonly<Record<string, string>> = { mentee: 'наставляемого', mentor: 'наставника' };

/** Where each programme stands in the cycle: bases → selection → pairs → work → completion. */
function ProgrammeCycle({ items }: { items: AdminCycleOverview['programmeCycle'] }) {
  if (!items.length) return <Empty>Программ пока нет.</Empty>;
  return (
    <Table colCount={5} rowCount={items.length + 1} aria-label="Программы по этапам">
      <Thead>
        <Tr>
          <Th>Программа</Th>
          <Th>Этап</Th>
          <Th>Базы</Th>
          <Th>Пары</Th>
          <Th>Организация</Th>
        </Tr>
      </Thead>
      <Tbody>
        {items.map((p) => (
          <Tr key={p.documentId}>
            <Td style={WRAP}>
              <Link tag={NavLink} to={editLink('programme', p.documentId)}>
                {p.title}
              </Link>
            </Td>
            <Td>
              <Badge>{p.stageLabel}</Badge>
            </Td>
            <Td>
              {`наставляемых ${String(p.mentees)}, наставников ${String(p.mentors)} (прошли отбор ${String(p.mentorsSelected)})`}
            </Td>
            <Td>
              {PAIR_STATES.filter(([s]) => p.pairs[s])
                .map(([s, label]) => `${label} ${String(p.pairs[s])}`)
                .join(', ') || '—'}
            </Td>
            <Td>{p.organisation}</Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}

function MeetingsAwaitingFeedback({
  items,
}: {
  items: NonNullable<AdminCycleOverview['meetingsAwaitingFeedback']>;
}) {
  if (!items.length) return <Empty>Все прошедшие встречи с обратной связью.</Empty>;
  return (
    <Table colCount={4} rowCount={items.length + 1} aria-label="Встречи без обратной связи">
      <Thead>
        <Tr>
          <Th>Дата</Th>
          <Th>Пара или группа</Th>
          <Th>Тема</Th>
          <Th>Нет отзыва</Th>
        </Tr>
      </Thead>
      <Tbody>
        {items.map((m) => (
          <Tr key={m.documentId}>
            <Td>
              <Link tag={NavLink} to={editLink('meeting', m.documentId)}>
                {m.date}
              </Link>
            </Td>
            <Td style={WRAP}>{m.pair?.title ?? '—'}</Td>
            <Td>{m.topic ?? '—'}</Td>
            <Td>{m.waitingFor.map((w) => WHO[w] ?? w).join(', ')}</Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}

export function Overview() {
  const { get } = useFetchClient();
  const { data, error } = useLoad(() =>
    get<AdminOverview & AdminCycleOverview>('/nastavnik/overview').then((r) => r.data),
  );

  if (error) return <Page.Error />;
  if (!data) return <Page.Loading />;
  return (
    <>
      <Page.Title>Наставничество — обзор</Page.Title>
      <Layouts.Header
        title="Наставничество"
        subtitle={`Обзор: организаций в вашей зоне — ${String(data.organisations)}`}
      />
      <Layouts.Content>
        <Nav />
        <Section title="Программы наставничества по этапам">
          <ProgrammeCycle items={data.programmeCycle} />
        </Section>
        {data.meetingsAwaitingFeedback !== null && (
          <Section title={`Встречи без обратной связи (${counted(data.meetingsAwaitingFeedback.length)})`}>
            <MeetingsAwaitingFeedback items={data.meetingsAwaitingFeedback} />
          </Section>
        )}
        <Section title={`Просроченные мероприятия (${counted(data.overdue.length)})`}>
          <Activities items={data.overdue} caption="Просроченные мероприятия" />
        </Section>
        <Section title={`Ближайшие мероприятия, 30 дней (${counted(data.dueSoon.length)})`}>
          <Activities items={data.dueSoon} caption="Ближайшие мероприятия" />
        </Section>
        <Section title="Выполнение дорожных карт">
          {data.roadmaps.length ? (
            <Table colCount={4} rowCount={data.roadmaps.length + 1} aria-label="Выполнение дорожных карт">
              <Thead>
                <Tr>
                  <Th>Организация</Th>
                  <Th>Дорожная карта</Th>
                  <Th>Выполнено</Th>
                  <Th>Просрочено</Th>
                </Tr>
              </Thead>
              <Tbody>
                {data.roadmaps.map((r) => (
                  <Tr key={r.documentId}>
                    <Td>{r.organisation}</Td>
                    <Td>
                      <Link tag={NavLink} to={editLink('roadmap', r.documentId)}>
                        {r.title}
                      </Link>
                    </Td>
                    <Td>
                      {r.done} из {r.total}
                    </Td>
                    <Td>{r.overdue ? <Badge active>{r.overdue}</Badge> : '0'}</Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          ) : (
            <Empty>Дорожных карт пока нет: загрузите её на вкладке «Импорт дорожной карты».</Empty>
          )}
        </Section>
        {data.kpiReports.length ? (
          data.kpiReports.map((report) => <KpiReport key={report.organisation} report={report} />)
        ) : (
          <Section title="Показатели: план и факт">
            <Empty>Учётная запись не привязана к организации.</Empty>
          </Section>
        )}
        <Flex gap={6} alignItems="stretch" wrap="wrap">
          <Box flex="1">
            <Section title={`Кейсы на проверке (${String(data.casesAwaitingReview.length)})`}>
              {data.casesAwaitingReview.length ? (
                <ul>
                  {data.casesAwaitingReview.map((c) => (
                    <li key={c.documentId}>
                      <Link tag={NavLink} to={editLink('case', c.documentId)}>
                        {c.title}
                      </Link>{' '}
                      <Typography textColor="neutral600">— {c.organisation}</Typography>
                    </li>
                  ))}
                </ul>
              ) : (
                <Empty>Кейсов на проверке нет.</Empty>
              )}
            </Section>
          </Box>
          {data.awaitingConsent !== null && (
            <Box flex="1">
              <Section title="Ожидают согласия на обработку персональных данных">
                <Link
                  tag={NavLink}
                  to="/content-manager/collection-types/plugin::nastavnik.person?filters[$and][0][awaitingConsent][$eq]=true"
                >
                  {`Участников: ${String(data.awaitingConsent)}`}
                </Link>
              </Section>
            </Box>
          )}
        </Flex>
      </Layouts.Content>
    </>
  );
}
