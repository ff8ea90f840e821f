import type { Schema, Struct } from '@strapi/strapi';

export interface AdminApiToken extends Struct.CollectionTypeSchema {
  collectionName: 'strapi_api_tokens';
  info: {
    description: '';
    displayName: 'Api Token';
    name: 'Api Token';
    pluralName: 'api-tokens';
    singularName: 'api-token';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    accessKey: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        minLength: 1;
      }>;
    adminPermissions: Schema.Attribute.Relation<'oneToMany', 'admin::permission'>;
    adminUserOwner: Schema.Attribute.Relation<'manyToOne', 'admin::user'>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    description: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        minLength: 1;
      }> &
      Schema.Attribute.DefaultTo<''>;
    encryptedKey: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        minLength: 1;
      }>;
    expiresAt: Schema.Attribute.DateTime;
    kind: Schema.Attribute.Enumeration<['content-api', 'admin']> &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'content-api'>;
    lastUsedAt: Schema.Attribute.DateTime;
    lifespan: Schema.Attribute.BigInteger;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'admin::api-token'> & Schema.Attribute.Private;
    name: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.Unique &
      Schema.Attribute.SetMinMaxLength<{
        minLength: 1;
      }>;
    permissions: Schema.Attribute.Relation<'oneToMany', 'admin::api-token-permission'>;
    publishedAt: Schema.Attribute.DateTime;
    type: Schema.Attribute.Enumeration<['read-only', 'full-access', 'custom']> &
      Schema.Attribute.DefaultTo<'read-only'>;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
  };
}

export interface AdminApiTokenPermission extends Struct.CollectionTypeSchema {
  collectionName: 'strapi_api_token_permissions';
  info: {
    description: '';
    displayName: 'API Token Permission';
    name: 'API Token Permission';
    pluralName: 'api-token-permissions';
    singularName: 'api-token-permission';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    action: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        minLength: 1;
      }>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'admin::api-token-permission'> &
      Schema.Attribute.Private;
    publishedAt: Schema.Attribute.DateTime;
    token: Schema.Attribute.Relation<'manyToOne', 'admin::api-token'>;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
  };
}

export interface AdminPermission extends Struct.CollectionTypeSchema {
  collectionName: 'admin_permissions';
  info: {
    description: '';
    displayName: 'Permission';
    name: 'Permission';
    pluralName: 'permissions';
    singularName: 'permission';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    action: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        minLength: 1;
      }>;
    actionParameters: Schema.Attribute.JSON & Schema.Attribute.DefaultTo<{}>;
    apiToken: Schema.Attribute.Relation<'manyToOne', 'admin::api-token'>;
    conditions: Schema.Attribute.JSON & Schema.Attribute.DefaultTo<[]>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'admin::permission'> & Schema.Attribute.Private;
    properties: Schema.Attribute.JSON & Schema.Attribute.DefaultTo<{}>;
    publishedAt: Schema.Attribute.DateTime;
    role: Schema.Attribute.Relation<'manyToOne', 'admin::role'>;
    subject: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        minLength: 1;
      }>;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
  };
}

export interface AdminRole extends Struct.CollectionTypeSchema {
  collectionName: 'admin_roles';
  info: {
    description: '';
    displayName: 'Role';
    name: 'Role';
    pluralName: 'roles';
    singularName: 'role';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    code: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.Unique &
      Schema.Attribute.SetMinMaxLength<{
        minLength: 1;
      }>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    description: Schema.Attribute.String;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'admin::role'> & Schema.Attribute.Private;
    name: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.Unique &
      Schema.Attribute.SetMinMaxLength<{
        minLength: 1;
      }>;
    permissions: Schema.Attribute.Relation<'oneToMany', 'admin::permission'>;
    publishedAt: Schema.Attribute.DateTime;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    users: Schema.Attribute.Relation<'manyToMany', 'admin::user'>;
  };
}

export interface AdminSession extends Struct.CollectionTypeSchema {
  collectionName: 'strapi_sessions';
  info: {
    description: 'Session Manager storage';
    displayName: 'Session';
    name: 'Session';
    pluralName: 'sessions';
    singularName: 'session';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
    i18n: {
      localized: false;
    };
  };
  attributes: {
    absoluteExpiresAt: Schema.Attribute.DateTime & Schema.Attribute.Private;
    childId: Schema.Attribute.String & Schema.Attribute.Private;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    deviceId: Schema.Attribute.String & Schema.Attribute.Required & Schema.Attribute.Private;
    expiresAt: Schema.Attribute.DateTime & Schema.Attribute.Required & Schema.Attribute.Private;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'admin::session'> & Schema.Attribute.Private;
    metadata: Schema.Attribute.JSON & Schema.Attribute.Private;
    origin: Schema.Attribute.String & Schema.Attribute.Required & Schema.Attribute.Private;
    publishedAt: Schema.Attribute.DateTime;
    sessionId: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.Private &
      Schema.Attribute.Unique;
    status: Schema.Attribute.String & Schema.Attribute.Private;
    type: Schema.Attribute.String & Schema.Attribute.Private;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    userId: Schema.Attribute.String & Schema.Attribute.Required & Schema.Attribute.Private;
  };
}

export interface AdminTransferToken extends Struct.CollectionTypeSchema {
  collectionName: 'strapi_transfer_tokens';
  info: {
    description: '';
    displayName: 'Transfer Token';
    name: 'Transfer Token';
    pluralName: 'transfer-tokens';
    singularName: 'transfer-token';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    accessKey: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        minLength: 1;
      }>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    description: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        minLength: 1;
      }> &
      Schema.Attribute.DefaultTo<''>;
    expiresAt: Schema.Attribute.DateTime;
    lastUsedAt: Schema.Attribute.DateTime;
    lifespan: Schema.Attribute.BigInteger;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'admin::transfer-token'> & Schema.Attribute.Private;
    name: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.Unique &
      Schema.Attribute.SetMinMaxLength<{
        minLength: 1;
      }>;
    permissions: Schema.Attribute.Relation<'oneToMany', 'admin::transfer-token-permission'>;
    publishedAt: Schema.Attribute.DateTime;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
  };
}

export interface AdminTransferTokenPermission extends Struct.CollectionTypeSchema {
  collectionName: 'strapi_transfer_token_permissions';
  info: {
    description: '';
    displayName: 'Transfer Token Permission';
    name: 'Transfer Token Permission';
    pluralName: 'transfer-token-permissions';
    singularName: 'transfer-token-permission';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    action: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        minLength: 1;
      }>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'admin::transfer-token-permission'> &
      Schema.Attribute.Private;
    publishedAt: Schema.Attribute.DateTime;
    token: Schema.Attribute.Relation<'manyToOne', 'admin::transfer-token'>;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
  };
}

export interface AdminUser extends Struct.CollectionTypeSchema {
  collectionName: 'admin_users';
  info: {
    description: '';
    displayName: 'User';
    name: 'User';
    pluralName: 'users';
    singularName: 'user';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    apiTokens: Schema.Attribute.Relation<'oneToMany', 'admin::api-token'> & Schema.Attribute.Private;
    blocked: Schema.Attribute.Boolean & Schema.Attribute.Private & Schema.Attribute.DefaultTo<false>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    email: Schema.Attribute.Email &
      Schema.Attribute.Required &
      Schema.Attribute.Private &
      Schema.Attribute.Unique &
      Schema.Attribute.SetMinMaxLength<{
        minLength: 6;
      }>;
    firstname: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        minLength: 1;
      }>;
    isActive: Schema.Attribute.Boolean & Schema.Attribute.Private & Schema.Attribute.DefaultTo<false>;
    lastname: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        minLength: 1;
      }>;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'admin::user'> & Schema.Attribute.Private;
    password: Schema.Attribute.Password &
      Schema.Attribute.Private &
      Schema.Attribute.SetMinMaxLength<{
        minLength: 6;
      }>;
    preferedLanguage: Schema.Attribute.String;
    publishedAt: Schema.Attribute.DateTime;
    registrationToken: Schema.Attribute.String & Schema.Attribute.Private;
    resetPasswordToken: Schema.Attribute.String & Schema.Attribute.Private;
    resetPasswordTokenExpiresAt: Schema.Attribute.DateTime & Schema.Attribute.Private;
    roles: Schema.Attribute.Relation<'manyToMany', 'admin::role'> & Schema.Attribute.Private;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    username: Schema.Attribute.String;
  };
}

export interface PluginContentReleasesRelease extends Struct.CollectionTypeSchema {
  collectionName: 'strapi_releases';
  info: {
    displayName: 'Release';
    pluralName: 'releases';
    singularName: 'release';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    actions: Schema.Attribute.Relation<'oneToMany', 'plugin::content-releases.release-action'>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::content-releases.release'> &
      Schema.Attribute.Private;
    name: Schema.Attribute.String & Schema.Attribute.Required;
    publishedAt: Schema.Attribute.DateTime;
    releasedAt: Schema.Attribute.DateTime;
    scheduledAt: Schema.Attribute.DateTime;
    status: Schema.Attribute.Enumeration<['ready', 'blocked', 'failed', 'done', 'empty']> &
      Schema.Attribute.Required;
    timezone: Schema.Attribute.String;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
  };
}

export interface PluginContentReleasesReleaseAction extends Struct.CollectionTypeSchema {
  collectionName: 'strapi_release_actions';
  info: {
    displayName: 'Release Action';
    pluralName: 'release-actions';
    singularName: 'release-action';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    contentType: Schema.Attribute.String & Schema.Attribute.Required;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    entryDocumentId: Schema.Attribute.String;
    isEntryValid: Schema.Attribute.Boolean;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::content-releases.release-action'> &
      Schema.Attribute.Private;
    publishedAt: Schema.Attribute.DateTime;
    release: Schema.Attribute.Relation<'manyToOne', 'plugin::content-releases.release'>;
    type: Schema.Attribute.Enumeration<['publish', 'unpublish']> & Schema.Attribute.Required;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
  };
}

export interface PluginI18NLocale extends Struct.CollectionTypeSchema {
  collectionName: 'i18n_locale';
  info: {
    collectionName: 'locales';
    description: '';
    displayName: 'Locale';
    pluralName: 'locales';
    singularName: 'locale';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    code: Schema.Attribute.String & Schema.Attribute.Unique;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::i18n.locale'> & Schema.Attribute.Private;
    name: Schema.Attribute.String &
      Schema.Attribute.SetMinMax<
        {
          max: 50;
          min: 1;
        },
        number
      >;
    publishedAt: Schema.Attribute.DateTime;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
  };
}

export interface PluginNastavnikAccessLog extends Struct.CollectionTypeSchema {
  collectionName: 'nastavnik_access_logs';
  info: {
    description: '\u041A\u0442\u043E, \u043A\u043E\u0433\u0434\u0430 \u0438 \u043A\u0430\u043A\u0438\u043C \u043F\u0443\u0442\u0451\u043C \u0447\u0438\u0442\u0430\u043B \u0438\u043B\u0438 \u043C\u0435\u043D\u044F\u043B \u0437\u0430\u043F\u0438\u0441\u0438 \u0443\u0447\u0430\u0441\u0442\u043D\u0438\u043A\u043E\u0432 (\u0441 \u0441\u043E\u0433\u043B\u0430\u0441\u0438\u044F\u043C\u0438), \u043E\u0442\u0432\u0435\u0442\u044B \u043D\u0430 \u0430\u043D\u043A\u0435\u0442\u044B \u0438 \u0437\u0430\u043C\u0435\u0440\u044B \u2014 \u0431\u0435\u0437 \u0441\u0430\u043C\u0438\u0445 \u0434\u0430\u043D\u043D\u044B\u0445';
    displayName: '\u0416\u0443\u0440\u043D\u0430\u043B \u0434\u043E\u0441\u0442\u0443\u043F\u0430 \u043A \u043F\u0435\u0440\u0441\u043E\u043D\u0430\u043B\u044C\u043D\u044B\u043C \u0434\u0430\u043D\u043D\u044B\u043C';
    pluralName: 'access-logs';
    singularName: 'access-log';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: true;
    };
    'content-type-builder': {
      visible: true;
    };
  };
  attributes: {
    action: Schema.Attribute.Enumeration<['read', 'create', 'update', 'delete', 'publish']> &
      Schema.Attribute.Required;
    actorKind: Schema.Attribute.Enumeration<['user', 'admin']> & Schema.Attribute.Required;
    at: Schema.Attribute.DateTime & Schema.Attribute.Required;
    count: Schema.Attribute.Integer;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    documentIds: Schema.Attribute.JSON;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::nastavnik.access-log'> &
      Schema.Attribute.Private;
    organisation: Schema.Attribute.Relation<'manyToOne', 'plugin::nastavnik.organisation'>;
    path: Schema.Attribute.String;
    publishedAt: Schema.Attribute.DateTime;
    targetType: Schema.Attribute.String & Schema.Attribute.Required;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    userId: Schema.Attribute.Integer;
    userRole: Schema.Attribute.String;
  };
}

export interface PluginNastavnikAdminAccess extends Struct.CollectionTypeSchema {
  collectionName: 'nastavnik_admin_accesses';
  info: {
    description: '\u041E\u0440\u0433\u0430\u043D\u0438\u0437\u0430\u0446\u0438\u044F, \u0432 \u043A\u043E\u0442\u043E\u0440\u043E\u0439 \u0440\u0430\u0431\u043E\u0442\u0430\u0435\u0442 \u0443\u0447\u0451\u0442\u043D\u0430\u044F \u0437\u0430\u043F\u0438\u0441\u044C \u0430\u0434\u043C\u0438\u043D-\u043F\u0430\u043D\u0435\u043B\u0438 \u0441 \u0440\u043E\u043B\u044C\u044E \u00AB\u041D\u0430\u0441\u0442\u0430\u0432\u043D\u0438\u0447\u0435\u0441\u0442\u0432\u043E: \u043A\u0443\u0440\u0430\u0442\u043E\u0440 / \u043C\u0435\u0442\u043E\u0434\u0438\u0441\u0442 / \u0440\u0435\u0434\u0430\u043A\u0442\u043E\u0440\u00BB';
    displayName: '\u0414\u043E\u0441\u0442\u0443\u043F \u043A \u0430\u0434\u043C\u0438\u043D-\u043F\u0430\u043D\u0435\u043B\u0438';
    pluralName: 'admin-accesses';
    singularName: 'admin-access';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: true;
    };
    'content-type-builder': {
      visible: true;
    };
  };
  attributes: {
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    email: Schema.Attribute.Email & Schema.Attribute.Required & Schema.Attribute.Unique;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::nastavnik.admin-access'> &
      Schema.Attribute.Private;
    organisation: Schema.Attribute.Relation<'manyToOne', 'plugin::nastavnik.organisation'>;
    publishedAt: Schema.Attribute.DateTime;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
  };
}

export interface PluginNastavnikCapture extends Struct.CollectionTypeSchema {
  collectionName: 'nastavnik_captures';
  info: {
    description: '\u0427\u0442\u043E \u0441\u043E\u0442\u0440\u0443\u0434\u043D\u0438\u043A \u0441\u043E\u0431\u0440\u0430\u043B \u0440\u0430\u0441\u0448\u0438\u0440\u0435\u043D\u0438\u0435\u043C \u0431\u0440\u0430\u0443\u0437\u0435\u0440\u0430: \u0441\u043F\u0438\u0441\u043E\u043A \u043A\u043B\u0430\u0441\u0441\u0430, \u043E\u0446\u0435\u043D\u043A\u0438, \u0442\u0430\u0431\u043B\u0438\u0446\u0430, \u0441\u0442\u0430\u0442\u044C\u044F, \u043F\u0440\u043E\u0432\u0435\u0440\u043A\u0430 \u0441\u0430\u0439\u0442\u0430';
    displayName: '\u0414\u0430\u043D\u043D\u044B\u0435 \u0438\u0437 \u0440\u0430\u0441\u0448\u0438\u0440\u0435\u043D\u0438\u044F';
    pluralName: 'captures';
    singularName: 'capture';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: true;
    };
    'content-type-builder': {
      visible: true;
    };
  };
  attributes: {
    adapter: Schema.Attribute.String & Schema.Attribute.Required;
    appliedAt: Schema.Attribute.DateTime;
    capturedBy: Schema.Attribute.Relation<'manyToOne', 'plugin::users-permissions.user'>;
    captureState: Schema.Attribute.Enumeration<['new', 'applied', 'discarded']> &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'new'>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    error: Schema.Attribute.Text;
    idempotencyKey: Schema.Attribute.String & Schema.Attribute.Required & Schema.Attribute.Unique;
    kind: Schema.Attribute.Enumeration<['roster', 'grades', 'roadmap_table', 'article', 'site_audit']> &
      Schema.Attribute.Required;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::nastavnik.capture'> &
      Schema.Attribute.Private;
    organisation: Schema.Attribute.Relation<'manyToOne', 'plugin::nastavnik.organisation'>;
    payload: Schema.Attribute.JSON & Schema.Attribute.Required;
    publishedAt: Schema.Attribute.DateTime;
    sourceUrl: Schema.Attribute.String & Schema.Attribute.Required;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
  };
}

export interface PluginNastavnikCase extends Struct.CollectionTypeSchema {
  collectionName: 'nastavnik_cases';
  info: {
    description: '\u041E\u043F\u0438\u0441\u0430\u043D\u0438\u0435 \u043F\u0440\u0430\u043A\u0442\u0438\u043A\u0438 \u043D\u0430\u0441\u0442\u0430\u0432\u043D\u0438\u0447\u0435\u0441\u0442\u0432\u0430; \u043F\u0443\u0431\u043B\u0438\u043A\u0443\u0435\u0442\u0441\u044F \u043F\u043E\u0441\u043B\u0435 \u043E\u0434\u043E\u0431\u0440\u0435\u043D\u0438\u044F \u043C\u0435\u0442\u043E\u0434\u0438\u0441\u0442\u043E\u043C';
    displayName: '\u041A\u0435\u0439\u0441\u044B \u0438 \u043B\u0443\u0447\u0448\u0438\u0435 \u043F\u0440\u0430\u043A\u0442\u0438\u043A\u0438';
    pluralName: 'cases';
    singularName: 'case';
  };
  options: {
    draftAndPublish: true;
  };
  pluginOptions: {
    'content-manager': {
      visible: true;
    };
    'content-type-builder': {
      visible: true;
    };
  };
  attributes: {
    audience: Schema.Attribute.String;
    authors: Schema.Attribute.Component<'nastavnik.case-author', true>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    form: Schema.Attribute.Enumeration<
      [
        'pupil_pupil',
        'teacher_teacher',
        'student_pupil',
        'employer_pupil',
        'student_student',
        'teacher_student',
        'employer_student',
        'employer_teacher',
      ]
    >;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::nastavnik.case'> &
      Schema.Attribute.Private;
    materials: Schema.Attribute.Media<'files' | 'images', true>;
    organisation: Schema.Attribute.Relation<'manyToOne', 'plugin::nastavnik.organisation'>;
    periodText: Schema.Attribute.String;
    problem: Schema.Attribute.Text;
    publishedAt: Schema.Attribute.DateTime;
    results: Schema.Attribute.Text;
    reviewedAt: Schema.Attribute.DateTime;
    reviewedContent: Schema.Attribute.JSON;
    reviewerNote: Schema.Attribute.Text;
    reviewState: Schema.Attribute.Enumeration<['draft', 'submitted', 'changes_requested', 'approved']> &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'draft'>;
    slug: Schema.Attribute.String & Schema.Attribute.Unique;
    solution: Schema.Attribute.RichText;
    sourceUrl: Schema.Attribute.String;
    submittedAt: Schema.Attribute.DateTime;
    submittedBy: Schema.Attribute.String;
    summary: Schema.Attribute.Text;
    tags: Schema.Attribute.JSON;
    title: Schema.Attribute.String & Schema.Attribute.Required;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
  };
}

export interface PluginNastavnikContingentSnapshot extends Struct.CollectionTypeSchema {
  collectionName: 'nastavnik_contingent_snapshots';
  info: {
    description: '\u0427\u0438\u0441\u043B\u0435\u043D\u043D\u043E\u0441\u0442\u044C \u043E\u0431\u0443\u0447\u0430\u044E\u0449\u0438\u0445\u0441\u044F \u0438 \u043F\u0435\u0434\u0430\u0433\u043E\u0433\u043E\u0432 \u043D\u0430 \u0434\u0430\u0442\u0443: \u0444\u0430\u043A\u0442 \u0438\u043B\u0438 \u043F\u0440\u043E\u0433\u043D\u043E\u0437 (\u0437\u043D\u0430\u043C\u0435\u043D\u0430\u0442\u0435\u043B\u0438 \u043F\u043E\u043A\u0430\u0437\u0430\u0442\u0435\u043B\u0435\u0439)';
    displayName: '\u041A\u043E\u043D\u0442\u0438\u043D\u0433\u0435\u043D\u0442';
    pluralName: 'contingent-snapshots';
    singularName: 'contingent-snapshot';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: true;
    };
    'content-type-builder': {
      visible: true;
    };
  };
  attributes: {
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    date: Schema.Attribute.Date & Schema.Attribute.Required;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::nastavnik.contingent-snapshot'> &
      Schema.Attribute.Private;
    metrics: Schema.Attribute.Component<'nastavnik.metric', true>;
    organisation: Schema.Attribute.Relation<'manyToOne', 'plugin::nastavnik.organisation'>;
    publishedAt: Schema.Attribute.DateTime;
    snapshotKind: Schema.Attribute.Enumeration<['fact', 'forecast']> & Schema.Attribute.Required;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
  };
}

export interface PluginNastavnikKpiIndicator extends Struct.CollectionTypeSchema {
  collectionName: 'nastavnik_kpi_indicators';
  info: {
    description: '\u041F\u043E\u043A\u0430\u0437\u0430\u0442\u0435\u043B\u044C \u0441 \u0444\u043E\u0440\u043C\u0443\u043B\u043E\u0439, \u043F\u043B\u0430\u043D\u043E\u0432\u044B\u043C\u0438 \u0437\u043D\u0430\u0447\u0435\u043D\u0438\u044F\u043C\u0438 \u043F\u043E \u0433\u043E\u0434\u0430\u043C \u0438 \u0444\u0430\u043A\u0442\u043E\u043C';
    displayName: '\u041F\u043E\u043A\u0430\u0437\u0430\u0442\u0435\u043B\u0438 \u044D\u0444\u0444\u0435\u043A\u0442\u0438\u0432\u043D\u043E\u0441\u0442\u0438';
    pluralName: 'kpi-indicators';
    singularName: 'kpi-indicator';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: true;
    };
    'content-type-builder': {
      visible: true;
    };
  };
  attributes: {
    actuals: Schema.Attribute.Component<'nastavnik.yearly-value', true>;
    code: Schema.Attribute.String;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    definition: Schema.Attribute.JSON;
    formula: Schema.Attribute.Text;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::nastavnik.kpi-indicator'> &
      Schema.Attribute.Private;
    metricKind: Schema.Attribute.Enumeration<['computed', 'manual']> &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'manual'>;
    order: Schema.Attribute.Integer & Schema.Attribute.DefaultTo<0>;
    organisation: Schema.Attribute.Relation<'manyToOne', 'plugin::nastavnik.organisation'>;
    publishedAt: Schema.Attribute.DateTime;
    roadmap: Schema.Attribute.Relation<'manyToOne', 'plugin::nastavnik.roadmap'>;
    targets: Schema.Attribute.Component<'nastavnik.yearly-value', true>;
    title: Schema.Attribute.Text & Schema.Attribute.Required;
    unit: Schema.Attribute.String & Schema.Attribute.DefaultTo<'%'>;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
  };
}

export interface PluginNastavnikMeeting extends Struct.CollectionTypeSchema {
  collectionName: 'nastavnik_meetings';
  info: {
    description: '\u0412\u0441\u0442\u0440\u0435\u0447\u0438 \u043F\u0430\u0440 \u0438 \u0433\u0440\u0443\u043F\u043F \u0441 \u043E\u0431\u044F\u0437\u0430\u0442\u0435\u043B\u044C\u043D\u043E\u0439 \u043E\u0431\u0440\u0430\u0442\u043D\u043E\u0439 \u0441\u0432\u044F\u0437\u044C\u044E \u043E\u0431\u0435\u0438\u0445 \u0441\u0442\u043E\u0440\u043E\u043D';
    displayName: '\u0412\u0441\u0442\u0440\u0435\u0447\u0438';
    pluralName: 'meetings';
    singularName: 'meeting';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: true;
    };
    'content-type-builder': {
      visible: true;
    };
  };
  attributes: {
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    date: Schema.Attribute.Date & Schema.Attribute.Required;
    held: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
    idempotencyKey: Schema.Attribute.String;
    kind: Schema.Attribute.Enumeration<
      ['acquaintance', 'trial', 'planning', 'working', 'final', 'group_final']
    > &
      Schema.Attribute.Required;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::nastavnik.meeting'> &
      Schema.Attribute.Private;
    menteeFeedback: Schema.Attribute.Component<'nastavnik.feedback', false>;
    mentorFeedback: Schema.Attribute.Component<'nastavnik.feedback', false>;
    noFeedbackReason: Schema.Attribute.Text;
    notes: Schema.Attribute.Text;
    organisation: Schema.Attribute.Relation<'manyToOne', 'plugin::nastavnik.organisation'>;
    pair: Schema.Attribute.Relation<'manyToOne', 'plugin::nastavnik.pair'>;
    publishedAt: Schema.Attribute.DateTime;
    topic: Schema.Attribute.String;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
  };
}

export interface PluginNastavnikMonitoringSnapshot extends Struct.CollectionTypeSchema {
  collectionName: 'nastavnik_monitoring_snapshots';
  info: {
    description: '\u041F\u043E\u043A\u0430\u0437\u0430\u0442\u0435\u043B\u0438 \u0438 \u0447\u0438\u0441\u043B\u0435\u043D\u043D\u043E\u0441\u0442\u044C \u0443\u0447\u0430\u0441\u0442\u043D\u0438\u043A\u043E\u0432 \u043D\u0430 \u043C\u043E\u043C\u0435\u043D\u0442 \u0432\u043D\u0443\u0442\u0440\u0435\u043D\u043D\u0435\u0433\u043E \u043C\u043E\u043D\u0438\u0442\u043E\u0440\u0438\u043D\u0433\u0430: \u043D\u0435 \u043C\u0435\u043D\u044F\u044E\u0442\u0441\u044F \u043F\u0440\u0438 \u043F\u043E\u0441\u043B\u0435\u0434\u0443\u044E\u0449\u0438\u0445 \u043F\u0440\u0430\u0432\u043A\u0430\u0445';
    displayName: '\u0421\u0440\u0435\u0437\u044B \u043C\u043E\u043D\u0438\u0442\u043E\u0440\u0438\u043D\u0433\u0430';
    pluralName: 'monitoring-snapshots';
    singularName: 'monitoring-snapshot';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: true;
    };
    'content-type-builder': {
      visible: true;
    };
  };
  attributes: {
    counts: Schema.Attribute.JSON & Schema.Attribute.Required;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    label: Schema.Attribute.String & Schema.Attribute.Required;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::nastavnik.monitoring-snapshot'> &
      Schema.Attribute.Private;
    organisation: Schema.Attribute.Relation<'manyToOne', 'plugin::nastavnik.organisation'>;
    publishedAt: Schema.Attribute.DateTime;
    report: Schema.Attribute.JSON & Schema.Attribute.Required;
    takenAt: Schema.Attribute.DateTime & Schema.Attribute.Required;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    year: Schema.Attribute.Integer & Schema.Attribute.Required;
  };
}

export interface PluginNastavnikNewsItem extends Struct.CollectionTypeSchema {
  collectionName: 'nastavnik_news_items';
  info: {
    description: '\u041D\u043E\u0432\u043E\u0441\u0442\u0438, \u043C\u0435\u0440\u043E\u043F\u0440\u0438\u044F\u0442\u0438\u044F, \u043A\u043E\u043D\u043A\u0443\u0440\u0441\u044B \u0438 \u0438\u0442\u043E\u0433\u043E\u0432\u044B\u0435 \u043C\u0435\u0440\u043E\u043F\u0440\u0438\u044F\u0442\u0438\u044F \u0440\u0430\u0437\u0434\u0435\u043B\u0430';
    displayName: '\u041D\u043E\u0432\u043E\u0441\u0442\u0438 \u0438 \u0441\u043E\u0431\u044B\u0442\u0438\u044F';
    pluralName: 'news-items';
    singularName: 'news-item';
  };
  options: {
    draftAndPublish: true;
  };
  pluginOptions: {
    'content-manager': {
      visible: true;
    };
    'content-type-builder': {
      visible: true;
    };
  };
  attributes: {
    body: Schema.Attribute.RichText;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    date: Schema.Attribute.Date & Schema.Attribute.Required;
    images: Schema.Attribute.Media<'images', true>;
    kind: Schema.Attribute.Enumeration<['news', 'event', 'contest', 'final_ceremony']> &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'news'>;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::nastavnik.news-item'> &
      Schema.Attribute.Private;
    organisation: Schema.Attribute.Relation<'manyToOne', 'plugin::nastavnik.organisation'>;
    publishedAt: Schema.Attribute.DateTime;
    slug: Schema.Attribute.String;
    title: Schema.Attribute.String & Schema.Attribute.Required;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
  };
}

export interface PluginNastavnikOrganisation extends Struct.CollectionTypeSchema {
  collectionName: 'nastavnik_organisations';
  info: {
    description: '\u0428\u043A\u043E\u043B\u044B, \u043A\u043E\u043B\u043B\u0435\u0434\u0436\u0438, \u043E\u0440\u0433\u0430\u043D\u044B \u0443\u043F\u0440\u0430\u0432\u043B\u0435\u043D\u0438\u044F \u043E\u0431\u0440\u0430\u0437\u043E\u0432\u0430\u043D\u0438\u0435\u043C \u0438 \u0446\u0435\u043D\u0442\u0440\u044B: \u0434\u0435\u0440\u0435\u0432\u043E \u0440\u0435\u0433\u0438\u043E\u043D \u2192 \u043C\u0443\u043D\u0438\u0446\u0438\u043F\u0430\u043B\u0438\u0442\u0435\u0442 \u2192 \u043E\u0440\u0433\u0430\u043D\u0438\u0437\u0430\u0446\u0438\u044F';
    displayName: '\u041E\u0440\u0433\u0430\u043D\u0438\u0437\u0430\u0446\u0438\u0438';
    pluralName: 'organisations';
    singularName: 'organisation';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: true;
    };
    'content-type-builder': {
      visible: true;
    };
  };
  attributes: {
    children: Schema.Attribute.Relation<'oneToMany', 'plugin::nastavnik.organisation'>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    isDemo: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
    kind: Schema.Attribute.Enumeration<
      [
        'region',
        'regional_centre',
        'municipal_authority',
        'methodical_centre',
        'school',
        'college',
        'arts_school',
        'kindergarten',
      ]
    > &
      Schema.Attribute.Required;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::nastavnik.organisation'> &
      Schema.Attribute.Private;
    municipality: Schema.Attribute.String;
    name: Schema.Attribute.String & Schema.Attribute.Required;
    parent: Schema.Attribute.Relation<'manyToOne', 'plugin::nastavnik.organisation'>;
    publishedAt: Schema.Attribute.DateTime;
    region: Schema.Attribute.String;
    shortName: Schema.Attribute.String;
    slug: Schema.Attribute.String & Schema.Attribute.Required & Schema.Attribute.Unique;
    timezone: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'Europe/Moscow'>;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    website: Schema.Attribute.String;
  };
}

export interface PluginNastavnikPair extends Struct.CollectionTypeSchema {
  collectionName: 'nastavnik_pairs';
  info: {
    description: '\u041D\u0430\u0441\u0442\u0430\u0432\u043D\u0438\u0447\u0435\u0441\u043A\u0438\u0435 \u043F\u0430\u0440\u044B, \u0433\u0440\u0443\u043F\u043F\u044B \u0438 \u0442\u0440\u0438\u0430\u0434\u044B \u0441 \u043F\u0440\u0438\u043A\u0430\u0437\u043E\u043C \u043E\u0431 \u0443\u0442\u0432\u0435\u0440\u0436\u0434\u0435\u043D\u0438\u0438 \u0438 \u043F\u043B\u0430\u043D\u043E\u043C \u0440\u0430\u0437\u0432\u0438\u0442\u0438\u044F';
    displayName: '\u041F\u0430\u0440\u044B \u0438 \u0433\u0440\u0443\u043F\u043F\u044B';
    pluralName: 'pairs';
    singularName: 'pair';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: true;
    };
    'content-type-builder': {
      visible: true;
    };
  };
  attributes: {
    approvalOrderDate: Schema.Attribute.Date;
    approvalOrderNumber: Schema.Attribute.String;
    completedAt: Schema.Attribute.Date;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    developmentPlan: Schema.Attribute.Component<'nastavnik.plan-goal', true>;
    dissolutionReason: Schema.Attribute.Text;
    form: Schema.Attribute.Enumeration<
      [
        'pupil_pupil',
        'teacher_teacher',
        'student_pupil',
        'employer_pupil',
        'student_student',
        'teacher_student',
        'employer_student',
        'employer_teacher',
      ]
    > &
      Schema.Attribute.Required;
    isDemo: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
    kind: Schema.Attribute.Enumeration<['pair', 'group', 'triad']> &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'pair'>;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::nastavnik.pair'> &
      Schema.Attribute.Private;
    matchExplanation: Schema.Attribute.Text;
    matchScore: Schema.Attribute.Decimal &
      Schema.Attribute.SetMinMax<
        {
          max: 100;
          min: 0;
        },
        number
      >;
    mentees: Schema.Attribute.Relation<'manyToMany', 'plugin::nastavnik.person'>;
    mentors: Schema.Attribute.Relation<'manyToMany', 'plugin::nastavnik.person'>;
    organisation: Schema.Attribute.Relation<'manyToOne', 'plugin::nastavnik.organisation'>;
    outcome: Schema.Attribute.Enumeration<['achieved', 'partly_achieved', 'not_achieved']>;
    pairStatus: Schema.Attribute.Enumeration<['proposed', 'approved', 'active', 'completed', 'dissolved']> &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'proposed'>;
    programme: Schema.Attribute.Relation<'manyToOne', 'plugin::nastavnik.programme'>;
    publishedAt: Schema.Attribute.DateTime;
    title: Schema.Attribute.String & Schema.Attribute.Required;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
  };
}

export interface PluginNastavnikPartner extends Struct.CollectionTypeSchema {
  collectionName: 'nastavnik_partners';
  info: {
    description: '\u041E\u0440\u0433\u0430\u043D\u0438\u0437\u0430\u0446\u0438\u0438-\u043F\u0430\u0440\u0442\u043D\u0451\u0440\u044B, \u043F\u0440\u0435\u0434\u043E\u0441\u0442\u0430\u0432\u043B\u044F\u044E\u0449\u0438\u0435 \u043D\u0430\u0441\u0442\u0430\u0432\u043D\u0438\u043A\u043E\u0432, \u0438 \u0441\u043E\u0433\u043B\u0430\u0448\u0435\u043D\u0438\u044F \u0441 \u043D\u0438\u043C\u0438';
    displayName: '\u041F\u0430\u0440\u0442\u043D\u0451\u0440\u044B';
    pluralName: 'partners';
    singularName: 'partner';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: true;
    };
    'content-type-builder': {
      visible: true;
    };
  };
  attributes: {
    agreement: Schema.Attribute.Component<'nastavnik.agreement', false>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    kind: Schema.Attribute.Enumeration<['employer', 'ngo', 'university', 'other']> &
      Schema.Attribute.Required;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::nastavnik.partner'> &
      Schema.Attribute.Private;
    mentorsProvided: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      > &
      Schema.Attribute.DefaultTo<0>;
    name: Schema.Attribute.String & Schema.Attribute.Required;
    organisation: Schema.Attribute.Relation<'manyToOne', 'plugin::nastavnik.organisation'>;
    publishedAt: Schema.Attribute.DateTime;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
  };
}

export interface PluginNastavnikPerson extends Struct.CollectionTypeSchema {
  collectionName: 'nastavnik_persons';
  info: {
    description: '\u0411\u0430\u0437\u0430 \u043D\u0430\u0441\u0442\u0430\u0432\u043D\u0438\u043A\u043E\u0432 \u0438 \u043D\u0430\u0441\u0442\u0430\u0432\u043B\u044F\u0435\u043C\u044B\u0445. \u041F\u0435\u0440\u0441\u043E\u043D\u0430\u043B\u044C\u043D\u044B\u0435 \u0434\u0430\u043D\u043D\u044B\u0435: \u043D\u0438\u043A\u043E\u0433\u0434\u0430 \u043D\u0435 \u043F\u0443\u0431\u043B\u0438\u043A\u0443\u044E\u0442\u0441\u044F';
    displayName: '\u0423\u0447\u0430\u0441\u0442\u043D\u0438\u043A\u0438 (\u043D\u0430\u0441\u0442\u0430\u0432\u043D\u0438\u043A\u0438 \u0438 \u043D\u0430\u0441\u0442\u0430\u0432\u043B\u044F\u0435\u043C\u044B\u0435)';
    pluralName: 'persons';
    singularName: 'person';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: true;
    };
    'content-type-builder': {
      visible: true;
    };
  };
  attributes: {
    anonymised: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
    availability: Schema.Attribute.Text;
    awaitingConsent: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
    awaitingCurator: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
    awards: Schema.Attribute.Component<'nastavnik.award', true>;
    birthDate: Schema.Attribute.Date;
    birthYear: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          max: 2100;
          min: 1900;
        },
        number
      >;
    capacity: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      >;
    category: Schema.Attribute.Enumeration<
      ['pupil', 'student', 'teacher', 'young_specialist', 'graduate', 'employer', 'parent', 'staff']
    > &
      Schema.Attribute.Required;
    classOrGroup: Schema.Attribute.String;
    competencies: Schema.Attribute.Text;
    consent: Schema.Attribute.Component<'nastavnik.consent', false>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    email: Schema.Attribute.Email;
    fullName: Schema.Attribute.String & Schema.Attribute.Required;
    interests: Schema.Attribute.Text;
    isDemo: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
    isMentee: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
    isMentor: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::nastavnik.person'> &
      Schema.Attribute.Private;
    mentorInterviewAt: Schema.Attribute.Date;
    mentorTrainingAt: Schema.Attribute.Date;
    organisation: Schema.Attribute.Relation<'manyToOne', 'plugin::nastavnik.organisation'>;
    partner: Schema.Attribute.Relation<'manyToOne', 'plugin::nastavnik.partner'>;
    phone: Schema.Attribute.String;
    preferredForms: Schema.Attribute.JSON;
    publishedAt: Schema.Attribute.DateTime;
    requests: Schema.Attribute.Text;
    teacherGroup: Schema.Attribute.Enumeration<
      ['pre_professional', 'professional', 'super_professional', 'post_professional']
    >;
    teachingExperienceYears: Schema.Attribute.Decimal &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      >;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
  };
}

export interface PluginNastavnikProgramme extends Struct.CollectionTypeSchema {
  collectionName: 'nastavnik_programmes';
  info: {
    description: '\u041F\u0440\u043E\u0433\u0440\u0430\u043C\u043C\u0430 \u043F\u043E \u043E\u0434\u043D\u043E\u0439 \u0444\u043E\u0440\u043C\u0435 \u043D\u0430\u0441\u0442\u0430\u0432\u043D\u0438\u0447\u0435\u0441\u0442\u0432\u0430 \u0441 \u0446\u0435\u043B\u044F\u043C\u0438, \u0437\u0430\u0434\u0430\u0447\u0430\u043C\u0438 \u0438 \u0441\u0440\u043E\u043A\u0430\u043C\u0438 \u0441\u0435\u043C\u0438 \u044D\u0442\u0430\u043F\u043E\u0432';
    displayName: '\u041F\u0440\u043E\u0433\u0440\u0430\u043C\u043C\u044B \u043D\u0430\u0441\u0442\u0430\u0432\u043D\u0438\u0447\u0435\u0441\u0442\u0432\u0430';
    pluralName: 'programmes';
    singularName: 'programme';
  };
  options: {
    draftAndPublish: true;
  };
  pluginOptions: {
    'content-manager': {
      visible: true;
    };
    'content-type-builder': {
      visible: true;
    };
  };
  attributes: {
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    curator: Schema.Attribute.Relation<'manyToOne', 'plugin::nastavnik.person'>;
    expectedResults: Schema.Attribute.Text;
    form: Schema.Attribute.Enumeration<
      [
        'pupil_pupil',
        'teacher_teacher',
        'student_pupil',
        'employer_pupil',
        'student_student',
        'teacher_student',
        'employer_student',
        'employer_teacher',
      ]
    > &
      Schema.Attribute.Required;
    goals: Schema.Attribute.Text;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::nastavnik.programme'> &
      Schema.Attribute.Private;
    matchingWeights: Schema.Attribute.JSON;
    mentorFeedbackRequired: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
    organisation: Schema.Attribute.Relation<'manyToOne', 'plugin::nastavnik.organisation'>;
    periodEnd: Schema.Attribute.Date;
    periodStart: Schema.Attribute.Date;
    programmeStatus: Schema.Attribute.Enumeration<['planned', 'running', 'completed', 'suspended']> &
      Schema.Attribute.DefaultTo<'planned'>;
    publishedAt: Schema.Attribute.DateTime;
    requireMentorTraining: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
    roleVariation: Schema.Attribute.String;
    stages: Schema.Attribute.Component<'nastavnik.stage-dates', true>;
    tasks: Schema.Attribute.Text;
    title: Schema.Attribute.String & Schema.Attribute.Required;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
  };
}

export interface PluginNastavnikProgressRecord extends Struct.CollectionTypeSchema {
  collectionName: 'nastavnik_progress_records';
  info: {
    description: '\u0421\u0440\u0435\u0434\u043D\u0438\u0439 \u0431\u0430\u043B\u043B, \u043F\u043E\u0441\u0435\u0449\u0430\u0435\u043C\u043E\u0441\u0442\u044C, \u0448\u043A\u0430\u043B\u044B \u0430\u043D\u043A\u0435\u0442: \u0437\u0430\u043C\u0435\u0440\u044B \u0432 \u043D\u0430\u0447\u0430\u043B\u0435 \u0438 \u0432 \u043A\u043E\u043D\u0446\u0435 \u043F\u0440\u043E\u0433\u0440\u0430\u043C\u043C\u044B';
    displayName: '\u0417\u0430\u043C\u0435\u0440\u044B \u0440\u0435\u0437\u0443\u043B\u044C\u0442\u0430\u0442\u043E\u0432';
    pluralName: 'progress-records';
    singularName: 'progress-record';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: true;
    };
    'content-type-builder': {
      visible: true;
    };
  };
  attributes: {
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::nastavnik.progress-record'> &
      Schema.Attribute.Private;
    metric: Schema.Attribute.String & Schema.Attribute.Required;
    moment: Schema.Attribute.Enumeration<['start', 'middle', 'end']> & Schema.Attribute.Required;
    organisation: Schema.Attribute.Relation<'manyToOne', 'plugin::nastavnik.organisation'>;
    pair: Schema.Attribute.Relation<'manyToOne', 'plugin::nastavnik.pair'>;
    person: Schema.Attribute.Relation<'manyToOne', 'plugin::nastavnik.person'>;
    publishedAt: Schema.Attribute.DateTime;
    recordedAt: Schema.Attribute.Date;
    source: Schema.Attribute.Enumeration<['manual', 'capture']> &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'manual'>;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    value: Schema.Attribute.Decimal & Schema.Attribute.Required;
  };
}

export interface PluginNastavnikQuestionnaire extends Struct.CollectionTypeSchema {
  collectionName: 'nastavnik_questionnaires';
  info: {
    description: '\u0428\u0430\u0431\u043B\u043E\u043D\u044B \u0430\u043D\u043A\u0435\u0442: \u0432\u0445\u043E\u0434\u043D\u044B\u0435, \u043F\u0440\u0435\u0434\u043F\u043E\u0447\u0442\u0435\u043D\u0438\u0439, \u0443\u0434\u043E\u0432\u043B\u0435\u0442\u0432\u043E\u0440\u0451\u043D\u043D\u043E\u0441\u0442\u0438, \u043A\u0430\u0447\u0435\u0441\u0442\u0432\u0430 \u0438 \u0437\u0430\u043C\u0435\u0440\u043E\u0432 \u0432\u043B\u0438\u044F\u043D\u0438\u044F';
    displayName: '\u0410\u043D\u043A\u0435\u0442\u044B';
    pluralName: 'questionnaires';
    singularName: 'questionnaire';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: true;
    };
    'content-type-builder': {
      visible: true;
    };
  };
  attributes: {
    audience: Schema.Attribute.Enumeration<['mentor', 'mentee', 'all']> & Schema.Attribute.Required;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::nastavnik.questionnaire'> &
      Schema.Attribute.Private;
    organisation: Schema.Attribute.Relation<'manyToOne', 'plugin::nastavnik.organisation'>;
    publishedAt: Schema.Attribute.DateTime;
    purpose: Schema.Attribute.Enumeration<
      ['intake', 'preference', 'satisfaction', 'quality', 'impact_start', 'impact_end']
    > &
      Schema.Attribute.Required;
    questions: Schema.Attribute.JSON & Schema.Attribute.Required;
    title: Schema.Attribute.String & Schema.Attribute.Required;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
  };
}

export interface PluginNastavnikQuestionnaireResponse extends Struct.CollectionTypeSchema {
  collectionName: 'nastavnik_questionnaire_responses';
  info: {
    description: '\u041E\u0442\u0432\u0435\u0442\u044B \u0443\u0447\u0430\u0441\u0442\u043D\u0438\u043A\u0430, \u043F\u0440\u043E\u0432\u0435\u0440\u0435\u043D\u043D\u044B\u0435 \u043F\u043E \u0448\u0430\u0431\u043B\u043E\u043D\u0443 \u0430\u043D\u043A\u0435\u0442\u044B';
    displayName: '\u041E\u0442\u0432\u0435\u0442\u044B \u043D\u0430 \u0430\u043D\u043A\u0435\u0442\u044B';
    pluralName: 'questionnaire-responses';
    singularName: 'questionnaire-response';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: true;
    };
    'content-type-builder': {
      visible: true;
    };
  };
  attributes: {
    answers: Schema.Attribute.JSON & Schema.Attribute.Required;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::nastavnik.questionnaire-response'> &
      Schema.Attribute.Private;
    organisation: Schema.Attribute.Relation<'manyToOne', 'plugin::nastavnik.organisation'>;
    person: Schema.Attribute.Relation<'manyToOne', 'plugin::nastavnik.person'>;
    publishedAt: Schema.Attribute.DateTime;
    questionnaire: Schema.Attribute.Relation<'manyToOne', 'plugin::nastavnik.questionnaire'>;
    submittedAt: Schema.Attribute.DateTime;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
  };
}

export interface PluginNastavnikRoadmap extends Struct.CollectionTypeSchema {
  collectionName: 'nastavnik_roadmaps';
  info: {
    description: '\u041F\u043B\u0430\u043D \u043C\u0435\u0440\u043E\u043F\u0440\u0438\u044F\u0442\u0438\u0439 \u043F\u043E \u0432\u043D\u0435\u0434\u0440\u0435\u043D\u0438\u044E \u0446\u0435\u043B\u0435\u0432\u043E\u0439 \u043C\u043E\u0434\u0435\u043B\u0438 \u043D\u0430\u0441\u0442\u0430\u0432\u043D\u0438\u0447\u0435\u0441\u0442\u0432\u0430, \u0443\u0442\u0432\u0435\u0440\u0436\u0434\u0451\u043D\u043D\u044B\u0439 \u043F\u0440\u0438\u043A\u0430\u0437\u043E\u043C';
    displayName: '\u0414\u043E\u0440\u043E\u0436\u043D\u044B\u0435 \u043A\u0430\u0440\u0442\u044B';
    pluralName: 'roadmaps';
    singularName: 'roadmap';
  };
  options: {
    draftAndPublish: true;
  };
  pluginOptions: {
    'content-manager': {
      visible: true;
    };
    'content-type-builder': {
      visible: true;
    };
  };
  attributes: {
    academicYear: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
    activities: Schema.Attribute.Relation<'oneToMany', 'plugin::nastavnik.roadmap-activity'>;
    approvalDate: Schema.Attribute.Date;
    approvalOrderNumber: Schema.Attribute.String;
    approvalText: Schema.Attribute.Text;
    approver: Schema.Attribute.String;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    importWarnings: Schema.Attribute.JSON;
    level: Schema.Attribute.Enumeration<['organisation', 'municipal', 'regional']> &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'organisation'>;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::nastavnik.roadmap'> &
      Schema.Attribute.Private;
    organisation: Schema.Attribute.Relation<'manyToOne', 'plugin::nastavnik.organisation'>;
    periodEnd: Schema.Attribute.Date;
    periodStart: Schema.Attribute.Date;
    publishedAt: Schema.Attribute.DateTime;
    roadmapState: Schema.Attribute.Enumeration<
      ['draft', 'approved', 'in_progress', 'completed', 'archived']
    > &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'approved'>;
    sections: Schema.Attribute.JSON;
    shortTitle: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 255;
      }>;
    sourceDocument: Schema.Attribute.Media<'files'>;
    sourceHash: Schema.Attribute.String;
    sourceName: Schema.Attribute.String;
    sourceText: Schema.Attribute.RichText;
    title: Schema.Attribute.Text & Schema.Attribute.Required;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    version: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          min: 1;
        },
        number
      > &
      Schema.Attribute.DefaultTo<1>;
    workingGroup: Schema.Attribute.Component<'nastavnik.working-group-member', true>;
  };
}

export interface PluginNastavnikRoadmapActivity extends Struct.CollectionTypeSchema {
  collectionName: 'nastavnik_roadmap_activities';
  info: {
    description: '\u041C\u0435\u0440\u043E\u043F\u0440\u0438\u044F\u0442\u0438\u0435 \u0434\u043E\u0440\u043E\u0436\u043D\u043E\u0439 \u043A\u0430\u0440\u0442\u044B: \u0441\u0440\u043E\u043A \u043A\u0430\u043A \u0432 \u0434\u043E\u043A\u0443\u043C\u0435\u043D\u0442\u0435 \u0438 \u0440\u0430\u0437\u043E\u0431\u0440\u0430\u043D\u043D\u044B\u0435 \u043E\u043A\u043D\u0430, \u043E\u0442\u0432\u0435\u0442\u0441\u0442\u0432\u0435\u043D\u043D\u044B\u0435, \u0440\u0435\u0437\u0443\u043B\u044C\u0442\u0430\u0442, \u0445\u043E\u0434 \u0432\u044B\u043F\u043E\u043B\u043D\u0435\u043D\u0438\u044F';
    displayName: '\u041C\u0435\u0440\u043E\u043F\u0440\u0438\u044F\u0442\u0438\u044F \u0434\u043E\u0440\u043E\u0436\u043D\u044B\u0445 \u043A\u0430\u0440\u0442';
    pluralName: 'roadmap-activities';
    singularName: 'roadmap-activity';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: true;
    };
    'content-type-builder': {
      visible: true;
    };
  };
  attributes: {
    activityStatus: Schema.Attribute.Enumeration<['planned', 'in_progress', 'done', 'cancelled']> &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'planned'>;
    code: Schema.Attribute.String;
    completedAt: Schema.Attribute.Date;
    content: Schema.Attribute.JSON;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    deadline: Schema.Attribute.JSON;
    deadlineText: Schema.Attribute.Text;
    evidenceFile: Schema.Attribute.Media<'files' | 'images'>;
    evidenceLink: Schema.Attribute.String;
    expectedResult: Schema.Attribute.Text;
    importWarnings: Schema.Attribute.JSON;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::nastavnik.roadmap-activity'> &
      Schema.Attribute.Private;
    order: Schema.Attribute.Integer & Schema.Attribute.DefaultTo<0>;
    organisation: Schema.Attribute.Relation<'manyToOne', 'plugin::nastavnik.organisation'>;
    publishedAt: Schema.Attribute.DateTime;
    responsible: Schema.Attribute.JSON;
    responsiblePersons: Schema.Attribute.Relation<'manyToMany', 'plugin::nastavnik.person'>;
    responsibleText: Schema.Attribute.Text;
    roadmap: Schema.Attribute.Relation<'manyToOne', 'plugin::nastavnik.roadmap'>;
    sectionCode: Schema.Attribute.String;
    sectionIndex: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      >;
    sectionTitle: Schema.Attribute.Text;
    stage: Schema.Attribute.Text;
    title: Schema.Attribute.Text & Schema.Attribute.Required;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    windowEnd: Schema.Attribute.Date;
    windowStart: Schema.Attribute.Date;
  };
}

export interface PluginNastavnikSiteSection extends Struct.CollectionTypeSchema {
  collectionName: 'nastavnik_site_sections';
  info: {
    description: '\u041F\u0443\u0431\u043B\u0438\u0447\u043D\u044B\u0439 \u0440\u0430\u0437\u0434\u0435\u043B \u043E\u0440\u0433\u0430\u043D\u0438\u0437\u0430\u0446\u0438\u0438: \u0434\u043E\u043A\u0443\u043C\u0435\u043D\u0442\u044B, \u043A\u0443\u0440\u0430\u0442\u043E\u0440, \u043F\u0440\u043E\u0433\u0440\u0430\u043C\u043C\u044B, \u043A\u0435\u0439\u0441\u044B, \u043F\u043E\u043A\u0430\u0437\u0430\u0442\u0435\u043B\u0438';
    displayName: '\u0420\u0430\u0437\u0434\u0435\u043B \u0441\u0430\u0439\u0442\u0430 \u00AB\u041D\u0430\u0441\u0442\u0430\u0432\u043D\u0438\u0447\u0435\u0441\u0442\u0432\u043E\u00BB';
    pluralName: 'site-sections';
    singularName: 'site-section';
  };
  options: {
    draftAndPublish: true;
  };
  pluginOptions: {
    'content-manager': {
      visible: true;
    };
    'content-type-builder': {
      visible: true;
    };
  };
  attributes: {
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    curatorContact: Schema.Attribute.Component<'nastavnik.contact', false>;
    documents: Schema.Attribute.Component<'nastavnik.document-link', true>;
    featuredCases: Schema.Attribute.Relation<'manyToMany', 'plugin::nastavnik.case'>;
    featuredProgrammes: Schema.Attribute.Relation<'manyToMany', 'plugin::nastavnik.programme'>;
    intro: Schema.Attribute.RichText;
    joinUrl: Schema.Attribute.String;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::nastavnik.site-section'> &
      Schema.Attribute.Private;
    organisation: Schema.Attribute.Relation<'manyToOne', 'plugin::nastavnik.organisation'>;
    publishedAt: Schema.Attribute.DateTime;
    showKpis: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<true>;
    showRoadmap: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<true>;
    title: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'\u041D\u0430\u0441\u0442\u0430\u0432\u043D\u0438\u0447\u0435\u0441\u0442\u0432\u043E'>;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
  };
}

export interface PluginReviewWorkflowsWorkflow extends Struct.CollectionTypeSchema {
  collectionName: 'strapi_workflows';
  info: {
    description: '';
    displayName: 'Workflow';
    name: 'Workflow';
    pluralName: 'workflows';
    singularName: 'workflow';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    contentTypes: Schema.Attribute.JSON & Schema.Attribute.Required & Schema.Attribute.DefaultTo<'[]'>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::review-workflows.workflow'> &
      Schema.Attribute.Private;
    name: Schema.Attribute.String & Schema.Attribute.Required & Schema.Attribute.Unique;
    publishedAt: Schema.Attribute.DateTime;
    stageRequiredToPublish: Schema.Attribute.Relation<'oneToOne', 'plugin::review-workflows.workflow-stage'>;
    stages: Schema.Attribute.Relation<'oneToMany', 'plugin::review-workflows.workflow-stage'>;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
  };
}

export interface PluginReviewWorkflowsWorkflowStage extends Struct.CollectionTypeSchema {
  collectionName: 'strapi_workflows_stages';
  info: {
    description: '';
    displayName: 'Stages';
    name: 'Workflow Stage';
    pluralName: 'workflow-stages';
    singularName: 'workflow-stage';
  };
  options: {
    draftAndPublish: false;
    version: '1.1.0';
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    color: Schema.Attribute.String & Schema.Attribute.DefaultTo<'#4945FF'>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::review-workflows.workflow-stage'> &
      Schema.Attribute.Private;
    name: Schema.Attribute.String;
    permissions: Schema.Attribute.Relation<'manyToMany', 'admin::permission'>;
    publishedAt: Schema.Attribute.DateTime;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    workflow: Schema.Attribute.Relation<'manyToOne', 'plugin::review-workflows.workflow'>;
  };
}

export interface PluginUploadFile extends Struct.CollectionTypeSchema {
  collectionName: 'files';
  info: {
    description: '';
    displayName: 'File';
    pluralName: 'files';
    singularName: 'file';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    alternativeText: Schema.Attribute.Text;
    caption: Schema.Attribute.Text;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    ext: Schema.Attribute.String;
    focalPoint: Schema.Attribute.JSON;
    folder: Schema.Attribute.Relation<'manyToOne', 'plugin::upload.folder'> & Schema.Attribute.Private;
    folderPath: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.Private &
      Schema.Attribute.SetMinMaxLength<{
        minLength: 1;
      }>;
    formats: Schema.Attribute.JSON;
    hash: Schema.Attribute.String & Schema.Attribute.Required;
    height: Schema.Attribute.Integer;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::upload.file'> & Schema.Attribute.Private;
    mime: Schema.Attribute.String & Schema.Attribute.Required;
    name: Schema.Attribute.String & Schema.Attribute.Required;
    previewUrl: Schema.Attribute.Text;
    provider: Schema.Attribute.String & Schema.Attribute.Required;
    provider_metadata: Schema.Attribute.JSON;
    publishedAt: Schema.Attribute.DateTime;
    related: Schema.Attribute.Relation<'morphToMany'>;
    size: Schema.Attribute.Decimal & Schema.Attribute.Required;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    url: Schema.Attribute.Text & Schema.Attribute.Required;
    width: Schema.Attribute.Integer;
  };
}

export interface PluginUploadFolder extends Struct.CollectionTypeSchema {
  collectionName: 'upload_folders';
  info: {
    displayName: 'Folder';
    pluralName: 'folders';
    singularName: 'folder';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    children: Schema.Attribute.Relation<'oneToMany', 'plugin::upload.folder'>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    files: Schema.Attribute.Relation<'oneToMany', 'plugin::upload.file'>;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::upload.folder'> & Schema.Attribute.Private;
    name: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        minLength: 1;
      }>;
    parent: Schema.Attribute.Relation<'manyToOne', 'plugin::upload.folder'>;
    path: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        minLength: 1;
      }>;
    pathId: Schema.Attribute.Integer & Schema.Attribute.Required & Schema.Attribute.Unique;
    publishedAt: Schema.Attribute.DateTime;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
  };
}

export interface PluginUsersPermissionsPermission extends Struct.CollectionTypeSchema {
  collectionName: 'up_permissions';
  info: {
    description: '';
    displayName: 'Permission';
    name: 'permission';
    pluralName: 'permissions';
    singularName: 'permission';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    action: Schema.Attribute.String & Schema.Attribute.Required;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::users-permissions.permission'> &
      Schema.Attribute.Private;
    publishedAt: Schema.Attribute.DateTime;
    role: Schema.Attribute.Relation<'manyToOne', 'plugin::users-permissions.role'>;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
  };
}

export interface PluginUsersPermissionsRole extends Struct.CollectionTypeSchema {
  collectionName: 'up_roles';
  info: {
    description: '';
    displayName: 'Role';
    name: 'role';
    pluralName: 'roles';
    singularName: 'role';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    description: Schema.Attribute.String;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::users-permissions.role'> &
      Schema.Attribute.Private;
    name: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        minLength: 3;
      }>;
    permissions: Schema.Attribute.Relation<'oneToMany', 'plugin::users-permissions.permission'>;
    publishedAt: Schema.Attribute.DateTime;
    type: Schema.Attribute.String & Schema.Attribute.Unique;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    users: Schema.Attribute.Relation<'oneToMany', 'plugin::users-permissions.user'>;
  };
}

export interface PluginUsersPermissionsUser extends Struct.CollectionTypeSchema {
  collectionName: 'up_users';
  info: {
    description: '';
    displayName: 'User';
    name: 'user';
    pluralName: 'users';
    singularName: 'user';
  };
  options: {
    draftAndPublish: false;
    timestamps: true;
  };
  attributes: {
    blocked: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
    confirmationToken: Schema.Attribute.String & Schema.Attribute.Private;
    confirmed: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    email: Schema.Attribute.Email &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        minLength: 6;
      }>;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::users-permissions.user'> &
      Schema.Attribute.Private;
    organisation: Schema.Attribute.Relation<'manyToOne', 'plugin::nastavnik.organisation'>;
    password: Schema.Attribute.Password &
      Schema.Attribute.Private &
      Schema.Attribute.SetMinMaxLength<{
        minLength: 6;
      }>;
    provider: Schema.Attribute.String;
    publishedAt: Schema.Attribute.DateTime;
    resetPasswordToken: Schema.Attribute.String & Schema.Attribute.Private;
    role: Schema.Attribute.Relation<'manyToOne', 'plugin::users-permissions.role'>;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    username: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.Unique &
      Schema.Attribute.SetMinMaxLength<{
        minLength: 3;
      }>;
  };
}

declare module '@strapi/strapi' {
  export namespace Public {
    export interface ContentTypeSchemas {
      'admin::api-token': AdminApiToken;
      'admin::api-token-permission': AdminApiTokenPermission;
      'admin::permission': AdminPermission;
      'admin::role': AdminRole;
      'admin::session': AdminSession;
      'admin::transfer-token': AdminTransferToken;
      'admin::transfer-token-permission': AdminTransferTokenPermission;
      'admin::user': AdminUser;
      'plugin::content-releases.release': PluginContentReleasesRelease;
      'plugin::content-releases.release-action': PluginContentReleasesReleaseAction;
      'plugin::i18n.locale': PluginI18NLocale;
      'plugin::nastavnik.access-log': PluginNastavnikAccessLog;
      'plugin::nastavnik.admin-access': PluginNastavnikAdminAccess;
      'plugin::nastavnik.capture': PluginNastavnikCapture;
      'plugin::nastavnik.case': PluginNastavnikCase;
      'plugin::nastavnik.contingent-snapshot': PluginNastavnikContingentSnapshot;
      'plugin::nastavnik.kpi-indicator': PluginNastavnikKpiIndicator;
      'plugin::nastavnik.meeting': PluginNastavnikMeeting;
      'plugin::nastavnik.monitoring-snapshot': PluginNastavnikMonitoringSnapshot;
      'plugin::nastavnik.news-item': PluginNastavnikNewsItem;
      'plugin::nastavnik.organisation': PluginNastavnikOrganisation;
      'plugin::nastavnik.pair': PluginNastavnikPair;
      'plugin::nastavnik.partner': PluginNastavnikPartner;
      'plugin::nastavnik.person': PluginNastavnikPerson;
      'plugin::nastavnik.programme': PluginNastavnikProgramme;
      'plugin::nastavnik.progress-record': PluginNastavnikProgressRecord;
      'plugin::nastavnik.questionnaire': PluginNastavnikQuestionnaire;
      'plugin::nastavnik.questionnaire-response': PluginNastavnikQuestionnaireResponse;
      'plugin::nastavnik.roadmap': PluginNastavnikRoadmap;
      'plugin::nastavnik.roadmap-activity': PluginNastavnikRoadmapActivity;
      'plugin::nastavnik.site-section': PluginNastavnikSiteSection;
      'plugin::review-workflows.workflow': PluginReviewWorkflowsWorkflow;
      'plugin::review-workflows.workflow-stage': PluginReviewWorkflowsWorkflowStage;
      'plugin::upload.file': PluginUploadFile;
      'plugin::upload.folder': PluginUploadFolder;
      'plugin::users-permissions.permission': PluginUsersPermissionsPermission;
      'plugin::users-permissions.role': PluginUsersPermissionsRole;
      'plugin::users-permissions.user': PluginUsersPermissionsUser;
    }
  }
}
