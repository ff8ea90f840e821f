import type { Browser } from 'wxt/browser';
import { isRestrictedUrl } from '@/utils/content/page-access';
import type { Step } from '../../capture';
import { Notice } from '../Notice';

/** The page beside the panel and the button that looks for data on it. */
export function PageCard({
  tab,
  step,
  onAnalyse,
}: {
  tab: Browser.tabs.Tab | undefined;
  step: Step;
  onAnalyse: () => void;
}) {
  const restricted = tab?.url ? isRestrictedUrl(tab.url) : true;
  return (
    <>
      <div className="page-card">
        <div className="page-card__text">
          <div className="page-card__title" title={tab?.title ?? ''}>
            {tab?.title || 'Нет открытой страницы'}
          </div>
          <div className="page-card__url">{tab?.url ? new URL(tab.url).host || tab.url : ''}</div>
        </div>
        <button
          type="button"
          className="button button--primary"
          onClick={onAnalyse}
          disabled={!tab || restricted || step.name === 'detecting' || step.name === 'extracting'}
        >
          {step.name === 'detecting' ? 'Поиск…' : 'Найти данные'}
        </button>
      </div>
      {restricted && tab ? (
        <Notice tone="info">Откройте во вкладке сайт школы или страницу электронного журнала.</Notice>
      ) : null}
    </>
  );
}
