/**
 * The plugin's screens in the Strapi admin panel: an overview of what needs attention, the road-map
 * import and the methodists' review of cases. Strapi's admin build bundles this entry
 * (`strapi-plugin-nastavnik/strapi-admin`); the pages load on first visit.
 */
import { Book } from '@strapi/icons';
import { EnumerationInput, labelEnumerationColumns, labelEnumerationFilters } from './enum-labels.js';
import { EmbedPanel } from './components/EmbedPanel.js';

const PLUGIN_ID = 'nastavnik';

interface AdminApp {
  addMenuLink(link: {
    to: string;
    icon: unknown;
    intlLabel: { id: string; defaultMessage: string };
    Component: () => Promise<{ default: () => unknown }>;
    permissions: unknown[];
  }): void;
  registerPlugin(plugin: { id: string; name: string }): void;
  addFields(field: { type: string; Component: typeof EnumerationInput }): void;
}

interface AdminAppAtBootstrap {
  getPlugin(id: 'content-manager'): { apis: { addEditViewSidePanel(panels: unknown[]): void } };
  registerHook(name: string, handler: typeof labelEnumerationColumns | typeof labelEnumerationFilters): void;
}

export default {
  register(app: AdminApp) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: Book,
      intlLabel: { id: `${PLUGIN_ID}.plugin.name`, defaultMessage: 'Наставничество' },
      Component: () => import('./pages/App.js'),
      // Every admin may open the screens; what they show is the account's organisation scope.
      permissions: [],
    });
    app.registerPlugin({ id: PLUGIN_ID, name: 'Наставничество' });
    app.addFields({ type: 'enumeration', Component: EnumerationInput });
  },
  bootstrap(app: AdminAppAtBootstrap) {
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', labelEnumerationColumns);
    app.registerHook('Admin/CM/pages/ListView/inject-in-filters', labelEnumerationFilters);
    // A site section's edit view shows its embedding snippets beside the form.
    app.getPlugin('content-manager').apis.addEditViewSidePanel([EmbedPanel]);
  },
  registerTrads({ locales }: { locales: string[] }) {
    // Russian is the only language of the product; other locales fall back to the same words.
    return Promise.resolve(
      locales.map((locale) => ({
        locale,
        data: { [`${PLUGIN_ID}.plugin.name`]: 'Наставничество' },
      })),
    );
  },
};
