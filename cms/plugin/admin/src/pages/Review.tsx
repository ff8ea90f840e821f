import { Alert, Box, Button, Field, Flex, Link, Textarea, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import type { AdminReviewItem } from '@nastavnik/shared/contracts/admin-panel';
import type { CaseReviewDecision } from '@nastavnik/shared/contracts/case-review';
import { useState } from 'react';
import { NavLink } from 'react-router-dom';
import { Nav, editLink } from './Nav.js';
import { messageOf, useLoad } from './useLoad.js';

const dateOf = (iso: string) => (iso ? new Date(iso).toLocaleString('ru-RU') : '—');

function ReviewCard({ item, onDecided }: { item: AdminReviewItem; onDecided: (message: string) => void }) {
  const { post } = useFetchClient();
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function decide(decision: CaseReviewDecision) {
    setBusy(true);
    setProblem(null);
    try {
      await post(`/nastavnik/cases/${item.documentId}/review`, decision);
      onDecided(
        decision.decision === 'approve'
          ? `Кейс «${item.title}» одобрен.`
          : `Кейс «${item.title}» возвращён автору.`,
      );
    } catch (e) {
      setProblem(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  const commentId = `comment-${item.documentId}`;
  return (
    <Box tag="article" background="neutral0" padding={6} shadow="tableShadow" hasRadius marginBottom={4}>
      <Typography tag="h2" variant="delta">
        <Link tag={NavLink} to={editLink('case', item.documentId)}>
          {item.title}
        </Link>
      </Typography>
      <Typography tag="p" textColor="neutral600">
        {`${item.organisation}; отправлен ${dateOf(item.submittedAt)}${item.submittedBy ? `, ${item.submittedBy}` : ''}`}
      </Typography>
      <Typography tag="p">
        {item.firstReview
          ? 'Рассматривается впервые.'
          : `Изменено после прошлого одобрения: ${item.changedFields.join(', ') || 'ничего по существу'}.`}
      </Typography>
      {item.previousNote && (
        <Typography tag="p" textColor="neutral600">{`Прежние замечания: ${item.previousNote}`}</Typography>
      )}
      <Box paddingTop={4}>
        <Field.Root name={commentId} id={commentId} error={problem ?? undefined}>
          <Field.Label>Комментарий автору</Field.Label>
          <Textarea
            value={comment}
            onChange={(e: { target: { value: string } }) => setComment(e.target.value)}
          />
          <Field.Error />
        </Field.Root>
      </Box>
      <Flex gap={2} paddingTop={4}>
        <Button
          disabled={busy}
          onClick={() => void decide({ decision: 'approve', comment: comment || undefined })}
        >
          Одобрить
        </Button>
        <Button
          variant="secondary"
          disabled={busy}
          onClick={() => void decide({ decision: 'return', comment })}
        >
          Вернуть на доработку
        </Button>
      </Flex>
    </Box>
  );
}

export function Review() {
  const { get } = useFetchClient();
  const { data, error, reload } = useLoad(() =>
    get<AdminReviewItem[]>('/nastavnik/cases/review').then((r) => r.data),
  );
  const [done, setDone] = useState<string | null>(null);

  if (error) return <Page.Error />;
  if (!data) return <Page.Loading />;
  return (
    <>
      <Page.Title>Наставничество — проверка кейсов</Page.Title>
      <Layouts.Header title="Проверка кейсов" subtitle={`На рассмотрении: ${String(data.length)}`} />
      <Layouts.Content>
        <Nav />
        {done && (
          <Box paddingBottom={4}>
            <Alert variant="success" closeLabel="Закрыть" title="Готово" onClose={() => setDone(null)}>
              {done}
            </Alert>
          </Box>
        )}
        {data.length === 0 ? (
          <Typography textColor="neutral600">Кейсов на рассмотрении нет.</Typography>
        ) : (
          data.map((item) => (
            <ReviewCard
              key={item.documentId}
              item={item}
              onDecided={(message) => {
                setDone(message);
                reload();
              }}
            />
          ))
        )}
      </Layouts.Content>
    </>
  );
}
