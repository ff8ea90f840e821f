/**
 * The background owns delivery: it is the only writer of the capture queue and the only context
 * that sends captures, so two panels in two windows cannot send the same capture twice. It also
 * opens the side panel from the toolbar button and keeps the content script registered for the
 * sites the user granted.
 */
import '@nastavnik/shared/zod-locale';
import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '@/utils/background/main';

export default defineBackground(() => {
  startBackground();
});
