/** Pages for an address that leads nowhere and for a failure, in Russian, within the usual frame. */
import { href, type PageContext } from '../context.js';
import { Layout } from './layout.js';

export function NotFoundPage({ ctx }: { ctx: PageContext }) {
  return (
    <Layout
      ctx={ctx}
      title="Страница не найдена"
      description="Такой страницы в разделе «Наставничество» нет."
    >
      <h1>Страница не найдена</h1>
      <p>
        Возможно, адрес набран с ошибкой или материал снят с публикации. Начните со{' '}
        <a href={href(ctx, '/')}>списка организаций</a>.
      </p>
    </Layout>
  );
}

export function ErrorPage({ ctx, errorId }: { ctx: PageContext; errorId: string }) {
  return (
    <Layout ctx={ctx} title="Ошибка на сервере" description="Страница временно недоступна.">
      <h1>Страница временно недоступна</h1>
      <p>
        На сервере произошла непредвиденная ошибка. Код ошибки: {errorId}. Сообщите этот код администратору
        сайта — по нему найдётся запись в журнале.
      </p>
    </Layout>
  );
}

/** A page refused to this visitor, with what to do instead (an expired preview link, for example). */
export function ForbiddenPage({ ctx, message }: { ctx: PageContext; message: string }) {
  return (
    <Layout ctx={ctx} title="Доступ запрещён" description={message}>
      <h1>Доступ запрещён</h1>
      <p>{message}</p>
    </Layout>
  );
}
