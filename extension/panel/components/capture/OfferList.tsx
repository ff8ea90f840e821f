import { type Detected, detectFailureText, type Offer } from '../../capture';
import { MessageList, Notice } from '../Notice';

/** What the adapters found on the page, and which of them broke trying. */
export function OfferList({ detected, onPick }: { detected: Detected; onPick: (offer: Offer) => void }) {
  return (
    <>
      <MessageList tone="warning" items={detected.failures.map(detectFailureText)} />
      {detected.offers.length === 0 ? (
        <Notice tone="info" title="На странице не найдено подходящих данных">
          Нет таблиц со списком класса или оценками, дорожной карты, статьи или раздела «Наставничество».
          Откройте нужную страницу журнала или сайта и нажмите «Найти данные» ещё раз.
        </Notice>
      ) : (
        <section aria-label="Найденные данные">
          <h2 className="section-title">Найдено на странице</h2>
          <ul className="offers">
            {detected.offers.map((offer) => (
              <li key={offer.adapterId}>
                <button type="button" className="offer" onClick={() => onPick(offer)}>
                  <span className="chip chip--kind">{offer.kindLabel}</span>
                  <span className="offer__summary">{offer.summary}</span>
                  <span className="offer__adapter">{offer.adapterLabel}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
