/**
 * Стать участником: a plain HTML form (no script) for a future mentor or mentee. Errors come back as a
 * summary linking to each field, and the message sits under the field it belongs to; what was typed
 * is kept, except the consents, which must be given again on purpose.
 */
import { joinCategories, joinRoles, personCategories, type JoinField } from '@nastavnik/shared';
import { formatVi } from '../settings.js';
import type { PageContext } from '../context.js';
import type { Organisation } from '../data.js';
import { Layout } from './layout.js';

export interface JoinPageData {
  organisation: Organisation;
  values: Partial<Record<JoinField, string>>;
  errors: Partial<Record<JoinField, string>>;
  /** Signed issue time, checked on submission (too fast means a robot). */
  token: string;
  sent: boolean;
  /** Why a submission was not taken, when no single field is to blame (too fast, too many). */
  refusal?: string;
}

const LABELS: Record<JoinField, string> = {
  role: 'Кем вы хотите стать',
  fullName: 'Фамилия, имя, отчество',
  category: 'Кто вы',
  birthDate: 'Дата рождения',
  classOrGroup: 'Класс или группа (для обучающихся)',
  email: 'Эл. почта',
  phone: 'Телефон',
  interests: 'О себе: интересы, чем хотите помочь или в чём нужна помощь',
  representativeName: 'ФИО законного представителя (для участников младше 18 лет)',
  representativeConsent: 'Законный представитель согласен на обработку персональных данных участника',
  consent: 'Я согласен(на) на обработку моих персональных данных куратором наставничества',
};

const id = (field: JoinField) => `join-${field}`;

function ErrorText({ field, errors }: { field: JoinField; errors: JoinPageData['errors'] }) {
  const message = errors[field];
  return message ? (
    <p className="field-error" id={`${id(field)}-error`}>
      <span className="visually-hidden">Ошибка: </span>
      {message}
    </p>
  ) : null;
}

const described = (field: JoinField, errors: JoinPageData['errors'], hint?: string) => {
  const ids = [hint, errors[field] ? `${id(field)}-error` : undefined].filter(Boolean).join(' ');
  return {
    ...(ids ? { 'aria-describedby': ids } : {}),
    ...(errors[field] ? { 'aria-invalid': true as const } : {}),
  };
};

function TextField({
  field,
  data,
  type = 'text',
  autoComplete,
  hint,
}: {
  field: JoinField;
  data: JoinPageData;
  type?: string;
  autoComplete?: string;
  hint?: string;
}) {
  const hintId = hint ? `${id(field)}-hint` : undefined;
  return (
    <div className={`field${data.errors[field] ? ' field-invalid' : ''}`}>
      <label htmlFor={id(field)}>{LABELS[field]}</label>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <ErrorText field={field} errors={data.errors} />
      <input
        id={id(field)}
        name={field}
        type={type}
        defaultValue={data.values[field] ?? ''}
        {...(autoComplete ? { autoComplete } : {})}
        {...described(field, data.errors, hintId)}
      />
    </div>
  );
}

function Checkbox({ field, data }: { field: JoinField; data: JoinPageData }) {
  return (
    <div className={`field checkbox${data.errors[field] ? ' field-invalid' : ''}`}>
      <ErrorText field={field} errors={data.errors} />
      <input id={id(field)} name={field} type="checkbox" {...described(field, data.errors)} />
      <label htmlFor={id(field)}>{LABELS[field]}</label>
    </div>
  );
}

export function JoinPage({ ctx, data }: { ctx: PageContext; data: JoinPageData }) {
  const { organisation, errors } = data;
  const fields = Object.keys(errors) as JoinField[];
  return (
    <Layout
      ctx={ctx}
      title={fields.length || data.refusal ? 'Ошибка: стать участником' : 'Стать участником'}
      description={`Заявка на участие в программах наставничества организации «${organisation.name}»: стать наставником или наставляемым.`}
      organisation={organisation}
      current="stat-uchastnikom/"
    >
      <h1>Стать участником</h1>
      {data.sent ? (
        <div className="notice-success" role="status">
          <h2>Заявка отправлена</h2>
          <p>
            Спасибо! Куратор наставничества свяжется с вами. Ваши данные видит только куратор организации; на
            сайте они не публикуются.
          </p>
        </div>
      ) : null}
      {data.refusal ? (
        <div className="error-summary" role="alert">
          <h2>Заявку не удалось принять</h2>
          <p>{data.refusal}</p>
        </div>
      ) : null}
      {fields.length ? (
        <div className="error-summary" role="alert" aria-labelledby="error-summary-title">
          <h2 id="error-summary-title">Исправьте ошибки в заявке</h2>
          <ul>
            {fields.map((field) => (
              <li key={field}>
                <a href={`#${id(field)}`}>{errors[field]}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p>
        Заявку получит куратор наставничества организации «{organisation.name}». Ничего из неё не публикуется.
        Для участника младше 18 лет заявку заполняет или подтверждает законный представитель.
      </p>
      <form method="post" action={`${ctx.prefix}/${organisation.slug}/stat-uchastnikom/`} noValidate>
        {ctx.vi ? <input type="hidden" name="vi" value={formatVi(ctx.vi)} /> : null}
        {ctx.embed ? <input type="hidden" name="embed" value="1" /> : null}
        <input type="hidden" name="t" value={data.token} />
        {/* Left empty by people; robots fill in every field they find. */}
        <div className="trap" aria-hidden="true">
          <label htmlFor="join-website">Не заполняйте это поле</label>
          <input id="join-website" name="website" type="text" tabIndex={-1} autoComplete="off" />
        </div>
        <fieldset className={`field${errors.role ? ' field-invalid' : ''}`} {...described('role', errors)}>
          <legend>{LABELS.role}</legend>
          <ErrorText field="role" errors={errors} />
          {joinRoles.values.map((role) => (
            <div key={role} className="radio">
              <input
                id={role === 'mentor' ? id('role') : `${id('role')}-${role}`}
                type="radio"
                name="role"
                value={role}
                defaultChecked={data.values.role === role}
              />
              <label htmlFor={role === 'mentor' ? id('role') : `${id('role')}-${role}`}>
                {joinRoles.label(role)}
              </label>
            </div>
          ))}
        </fieldset>
        <TextField field="fullName" data={data} autoComplete="name" />
        <div className={`field${errors.category ? ' field-invalid' : ''}`}>
          <label htmlFor={id('category')}>{LABELS.category}</label>
          <ErrorText field="category" errors={errors} />
          <select
            id={id('category')}
            name="category"
            defaultValue={data.values.category ?? ''}
            {...described('category', errors)}
          >
            <option value="">Выберите</option>
            {joinCategories.map((c) => (
              <option key={c} value={c}>
                {personCategories.label(c)}
              </option>
            ))}
          </select>
        </div>
        <TextField
          field="birthDate"
          data={data}
          type="date"
          autoComplete="bday"
          hint="Например: 14.03.2010"
        />
        <TextField field="classOrGroup" data={data} />
        <TextField field="email" data={data} type="email" autoComplete="email" />
        <TextField
          field="phone"
          data={data}
          type="tel"
          autoComplete="tel"
          hint="Телефон или эл. почта — хотя бы одно"
        />
        <div className={`field${errors.interests ? ' field-invalid' : ''}`}>
          <label htmlFor={id('interests')}>{LABELS.interests}</label>
          <ErrorText field="interests" errors={errors} />
          <textarea
            id={id('interests')}
            name="interests"
            rows={4}
            defaultValue={data.values.interests ?? ''}
            {...described('interests', errors)}
          />
        </div>
        <TextField field="representativeName" data={data} />
        <Checkbox field="representativeConsent" data={data} />
        <Checkbox field="consent" data={data} />
        <p>
          <button type="submit">Отправить заявку</button>
        </p>
      </form>
    </Layout>
  );
}
