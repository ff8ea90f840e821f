import type { Schema, Struct } from '@strapi/strapi';

export interface NastavnikAgreement extends Struct.ComponentSchema {
  collectionName: 'components_nastavnik_agreement';
  info: {
    description: '\u0421\u043E\u0433\u043B\u0430\u0448\u0435\u043D\u0438\u0435 \u0441 \u043E\u0440\u0433\u0430\u043D\u0438\u0437\u0430\u0446\u0438\u0435\u0439-\u043F\u0430\u0440\u0442\u043D\u0451\u0440\u043E\u043C';
    displayName: '\u0421\u043E\u0433\u043B\u0430\u0448\u0435\u043D\u0438\u0435';
  };
  attributes: {
    date: Schema.Attribute.Date;
    file: Schema.Attribute.Media<'files'>;
    number: Schema.Attribute.String;
    subject: Schema.Attribute.Text;
  };
}

export interface NastavnikAward extends Struct.ComponentSchema {
  collectionName: 'components_nastavnik_award';
  info: {
    description: '\u0411\u043B\u0430\u0433\u043E\u0434\u0430\u0440\u043D\u043E\u0441\u0442\u044C, \u0433\u0440\u0430\u043C\u043E\u0442\u0430, \u00AB\u041B\u0443\u0447\u0448\u0438\u0439 \u043D\u0430\u0441\u0442\u0430\u0432\u043D\u0438\u043A\u00BB; \u043D\u0430 \u0441\u0430\u0439\u0442\u0435 \u2014 \u0442\u043E\u043B\u044C\u043A\u043E \u0441 \u0441\u043E\u0433\u043B\u0430\u0441\u0438\u0435\u043C \u043D\u0430 \u043F\u0443\u0431\u043B\u0438\u043A\u0430\u0446\u0438\u044E';
    displayName: '\u041D\u0430\u0433\u0440\u0430\u0434\u0430 \u043D\u0430\u0441\u0442\u0430\u0432\u043D\u0438\u043A\u0430';
  };
  attributes: {
    date: Schema.Attribute.Date & Schema.Attribute.Required;
    kind: Schema.Attribute.Enumeration<['thanks', 'certificate', 'best_mentor']> & Schema.Attribute.Required;
    orderNumber: Schema.Attribute.String;
    publish: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
    reason: Schema.Attribute.Text;
    title: Schema.Attribute.String;
  };
}

export interface NastavnikCaseAuthor extends Struct.ComponentSchema {
  collectionName: 'components_nastavnik_case_author';
  info: {
    description: '\u0418\u043C\u044F \u0430\u0432\u0442\u043E\u0440\u0430 \u043F\u0443\u0431\u043B\u0438\u043A\u0443\u0435\u0442\u0441\u044F \u0442\u043E\u043B\u044C\u043A\u043E \u0441 \u0441\u043E\u0433\u043B\u0430\u0441\u0438\u0435\u043C \u043D\u0430 \u043F\u0443\u0431\u043B\u0438\u043A\u0430\u0446\u0438\u044E';
    displayName: '\u0410\u0432\u0442\u043E\u0440 \u043A\u0435\u0439\u0441\u0430';
  };
  attributes: {
    authorRole: Schema.Attribute.String;
    name: Schema.Attribute.String & Schema.Attribute.Required;
    publicationConsent: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
  };
}

export interface NastavnikConsent extends Struct.ComponentSchema {
  collectionName: 'components_nastavnik_consent';
  info: {
    description: '152-\u0424\u0417: \u043A\u0442\u043E \u0434\u0430\u043B \u0441\u043E\u0433\u043B\u0430\u0441\u0438\u0435, \u043D\u0430 \u0447\u0442\u043E, \u043A\u043E\u0433\u0434\u0430 \u0438 \u0434\u043E \u043A\u0430\u043A\u043E\u0433\u043E \u0441\u0440\u043E\u043A\u0430';
    displayName: '\u0421\u043E\u0433\u043B\u0430\u0441\u0438\u0435 \u043D\u0430 \u043E\u0431\u0440\u0430\u0431\u043E\u0442\u043A\u0443 \u043F\u0435\u0440\u0441\u043E\u043D\u0430\u043B\u044C\u043D\u044B\u0445 \u0434\u0430\u043D\u043D\u044B\u0445';
  };
  attributes: {
    document: Schema.Attribute.Media<'files' | 'images'>;
    givenBy: Schema.Attribute.Enumeration<['self', 'legal_representative']> & Schema.Attribute.Required;
    processing: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
    publication: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
    representativeName: Schema.Attribute.String;
    signedAt: Schema.Attribute.Date;
    validUntil: Schema.Attribute.Date;
    withdrawnAt: Schema.Attribute.DateTime;
  };
}

export interface NastavnikContact extends Struct.ComponentSchema {
  collectionName: 'components_nastavnik_contact';
  info: {
    description: '\u041F\u0443\u0431\u043B\u0438\u043A\u0443\u0435\u0442\u0441\u044F \u0442\u043E\u043B\u044C\u043A\u043E \u0441 \u0441\u043E\u0433\u043B\u0430\u0441\u0438\u0435\u043C';
    displayName: '\u041A\u043E\u043D\u0442\u0430\u043A\u0442 \u043A\u0443\u0440\u0430\u0442\u043E\u0440\u0430';
  };
  attributes: {
    email: Schema.Attribute.Email;
    name: Schema.Attribute.String;
    phone: Schema.Attribute.String;
    position: Schema.Attribute.String;
    publicationConsent: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
  };
}

export interface NastavnikDocumentLink extends Struct.ComponentSchema {
  collectionName: 'components_nastavnik_document_link';
  info: {
    description: '\u041D\u043E\u0440\u043C\u0430\u0442\u0438\u0432\u043D\u044B\u0439 \u0434\u043E\u043A\u0443\u043C\u0435\u043D\u0442 \u0440\u0430\u0437\u0434\u0435\u043B\u0430 \u00AB\u041D\u0430\u0441\u0442\u0430\u0432\u043D\u0438\u0447\u0435\u0441\u0442\u0432\u043E\u00BB';
    displayName: '\u0414\u043E\u043A\u0443\u043C\u0435\u043D\u0442';
  };
  attributes: {
    date: Schema.Attribute.Date;
    file: Schema.Attribute.Media<'files' | 'images'>;
    kind: Schema.Attribute.Enumeration<
      ['order', 'regulation', 'roadmap', 'programme', 'agreement', 'report', 'other']
    > &
      Schema.Attribute.Required;
    title: Schema.Attribute.String & Schema.Attribute.Required;
    url: Schema.Attribute.String;
  };
}

export interface NastavnikFeedback extends Struct.ComponentSchema {
  collectionName: 'components_nastavnik_feedback';
  info: {
    description: '\u041E\u0446\u0435\u043D\u043A\u0430 \u0432\u0441\u0442\u0440\u0435\u0447\u0438 \u043E\u0434\u043D\u043E\u0439 \u0438\u0437 \u0441\u0442\u043E\u0440\u043E\u043D';
    displayName: '\u041E\u0431\u0440\u0430\u0442\u043D\u0430\u044F \u0441\u0432\u044F\u0437\u044C';
  };
  attributes: {
    comment: Schema.Attribute.Text;
    rating: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          max: 10;
          min: 1;
        },
        number
      >;
  };
}

export interface NastavnikMetric extends Struct.ComponentSchema {
  collectionName: 'components_nastavnik_metric';
  info: {
    description: '\u0427\u0438\u0441\u043B\u0435\u043D\u043D\u044B\u0439 \u043F\u043E\u043A\u0430\u0437\u0430\u0442\u0435\u043B\u044C \u043D\u0430 \u0434\u0430\u0442\u0443';
    displayName: '\u041F\u043E\u043A\u0430\u0437\u0430\u0442\u0435\u043B\u044C \u043A\u043E\u043D\u0442\u0438\u043D\u0433\u0435\u043D\u0442\u0430';
  };
  attributes: {
    code: Schema.Attribute.String & Schema.Attribute.Required;
    label: Schema.Attribute.Text & Schema.Attribute.Required;
    value: Schema.Attribute.Decimal & Schema.Attribute.Required;
  };
}

export interface NastavnikPlanGoal extends Struct.ComponentSchema {
  collectionName: 'components_nastavnik_plan_goal';
  info: {
    description: '\u0426\u0435\u043B\u044C \u0438\u043D\u0434\u0438\u0432\u0438\u0434\u0443\u0430\u043B\u044C\u043D\u043E\u0433\u043E \u043F\u043B\u0430\u043D\u0430 \u0440\u0430\u0437\u0432\u0438\u0442\u0438\u044F \u043D\u0430\u0441\u0442\u0430\u0432\u043B\u044F\u0435\u043C\u043E\u0433\u043E';
    displayName: '\u0426\u0435\u043B\u044C \u043F\u043B\u0430\u043D\u0430 \u0440\u0430\u0437\u0432\u0438\u0442\u0438\u044F';
  };
  attributes: {
    completedAt: Schema.Attribute.Date;
    dueDate: Schema.Attribute.Date;
    goal: Schema.Attribute.Text & Schema.Attribute.Required;
    goalStatus: Schema.Attribute.Enumeration<['planned', 'in_progress', 'done', 'cancelled']> &
      Schema.Attribute.DefaultTo<'planned'>;
    progress: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          max: 100;
          min: 0;
        },
        number
      > &
      Schema.Attribute.DefaultTo<0>;
    result: Schema.Attribute.Text;
  };
}

export interface NastavnikStageDates extends Struct.ComponentSchema {
  collectionName: 'components_nastavnik_stage_dates';
  info: {
    description: '\u0421\u0440\u043E\u043A\u0438 \u043E\u0434\u043D\u043E\u0433\u043E \u0438\u0437 \u0441\u0435\u043C\u0438 \u044D\u0442\u0430\u043F\u043E\u0432 \u043F\u0440\u043E\u0433\u0440\u0430\u043C\u043C\u044B \u043D\u0430\u0441\u0442\u0430\u0432\u043D\u0438\u0447\u0435\u0441\u0442\u0432\u0430';
    displayName: '\u042D\u0442\u0430\u043F \u043F\u0440\u043E\u0433\u0440\u0430\u043C\u043C\u044B';
  };
  attributes: {
    end: Schema.Attribute.Date;
    stage: Schema.Attribute.Enumeration<
      ['conditions', 'mentee_base', 'mentor_base', 'mentor_training', 'matching', 'running', 'completion']
    > &
      Schema.Attribute.Required;
    start: Schema.Attribute.Date;
  };
}

export interface NastavnikWorkingGroupMember extends Struct.ComponentSchema {
  collectionName: 'components_nastavnik_working_group_member';
  info: {
    description: '\u0423\u0447\u0430\u0441\u0442\u043D\u0438\u043A \u0440\u0430\u0431\u043E\u0447\u0435\u0439 \u0433\u0440\u0443\u043F\u043F\u044B \u043F\u043E \u0432\u043D\u0435\u0434\u0440\u0435\u043D\u0438\u044E \u0446\u0435\u043B\u0435\u0432\u043E\u0439 \u043C\u043E\u0434\u0435\u043B\u0438';
    displayName: '\u0427\u043B\u0435\u043D \u0440\u0430\u0431\u043E\u0447\u0435\u0439 \u0433\u0440\u0443\u043F\u043F\u044B';
  };
  attributes: {
    groupRole: Schema.Attribute.String;
    name: Schema.Attribute.String & Schema.Attribute.Required;
    position: Schema.Attribute.Text;
  };
}

export interface NastavnikYearlyValue extends Struct.ComponentSchema {
  collectionName: 'components_nastavnik_yearly_value';
  info: {
    description: '\u041F\u043B\u0430\u043D\u043E\u0432\u043E\u0435 \u0438\u043B\u0438 \u0444\u0430\u043A\u0442\u0438\u0447\u0435\u0441\u043A\u043E\u0435 \u0437\u043D\u0430\u0447\u0435\u043D\u0438\u0435 \u043F\u043E\u043A\u0430\u0437\u0430\u0442\u0435\u043B\u044F \u0437\u0430 \u0433\u043E\u0434';
    displayName: '\u0417\u043D\u0430\u0447\u0435\u043D\u0438\u0435 \u0437\u0430 \u0433\u043E\u0434';
  };
  attributes: {
    bound: Schema.Attribute.Enumeration<['exact', 'min', 'max']> & Schema.Attribute.DefaultTo<'exact'>;
    value: Schema.Attribute.Decimal & Schema.Attribute.Required;
    year: Schema.Attribute.Integer & Schema.Attribute.Required;
  };
}

declare module '@strapi/strapi' {
  export namespace Public {
    export interface ComponentSchemas {
      'nastavnik.agreement': NastavnikAgreement;
      'nastavnik.award': NastavnikAward;
      'nastavnik.case-author': NastavnikCaseAuthor;
      'nastavnik.consent': NastavnikConsent;
      'nastavnik.contact': NastavnikContact;
      'nastavnik.document-link': NastavnikDocumentLink;
      'nastavnik.feedback': NastavnikFeedback;
      'nastavnik.metric': NastavnikMetric;
      'nastavnik.plan-goal': NastavnikPlanGoal;
      'nastavnik.stage-dates': NastavnikStageDates;
      'nastavnik.working-group-member': NastavnikWorkingGroupMember;
      'nastavnik.yearly-value': NastavnikYearlyValue;
    }
  }
}
