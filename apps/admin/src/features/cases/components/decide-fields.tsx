import { useCallback, useMemo } from 'react';
import { Button, Card, Checkbox, Col, DatePicker, Flex, Form, Input, Row, Select, Tooltip, Typography, type FormInstance } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import {
  fourFormLabels,
  fourForms,
  sanctionRefusal,
  sanctionTypes,
  supervisedCategories,
  supervisedCategoryLabels,
  type CaseDetail,
  type FourForm,
  type LocalizedText,
  type SanctionType,
  type SupervisedCategory,
} from '@guantong/contracts';
import { isApiError } from '../../../shared/api-client.ts';
import { useI18n, type Translate } from '../../../shared/i18n.tsx';
import { maxLength } from '../../../shared/form-rules.ts';
import { enumLabel, enumOptions, sanctionTypeOptions } from '../../../shared/labels.ts';
import type { CaseActionRequest } from '../cases.api.ts';

export interface SanctionValues {
  type?: SanctionType;
  fourForm?: FourForm;
  effectiveFrom?: Dayjs;
  concernedName?: string;
  concernedUnit?: string;
  /** A co-subject's party membership and category (the person concerned's come from the case). */
  isPartyMember?: boolean;
  supervisedCategory?: SupervisedCategory;
}

const MAX_SANCTIONS = 10;

/** The sanctions as the API takes them: defaults (four forms of the type, the decision day, the person concerned) left out. */
export function sanctionsBody(values: SanctionValues[] | undefined): NonNullable<CaseActionRequest['sanctions']> {
  return (values ?? []).map((entry) => {
    const name = entry.concernedName?.trim();
    const unit = entry.concernedUnit?.trim();
    return {
      type: entry.type!,
      ...(entry.fourForm ? { fourForm: entry.fourForm } : {}),
      ...(entry.effectiveFrom ? { effectiveFrom: entry.effectiveFrom.format('YYYY-MM-DD') } : {}),
      ...(name
        ? {
            concernedName: name,
            ...(unit ? { concernedUnit: unit } : {}),
            isPartyMember: entry.isPartyMember ?? true,
            ...(entry.supervisedCategory ? { supervisedCategory: entry.supervisedCategory } : {}),
          }
        : {}),
    };
  });
}

/** A co-subject as the entry describes them (a party member unless said otherwise). */
function coSubjectOf(entry: SanctionValues | undefined) {
  return { isPartyMember: entry?.isPartyMember ?? true, supervisedCategory: entry?.supervisedCategory ?? null };
}

/** Why the person concerned cannot receive `type` (the contracts' rule, or the server's word when it knows more). */
function refusalText(type: SanctionType, found: CaseDetail, t: Translate, lt: (text: LocalizedText) => string): string {
  const refusal = sanctionRefusal(type, found);
  return refusal ? lt(refusal) : t('cases.sanctionNotApplicable');
}

/**
 * After a refused decision (SANCTION_NOT_APPLICABLE: a type the person concerned cannot receive), puts the reason, in
 * the reader's language, under the type of each entry the server named (`body.sanctions.<i>.type`).
 */
export function showSanctionRefusals(error: unknown, form: FormInstance, found: CaseDetail, t: Translate, lt: (text: LocalizedText) => string): void {
  if (!isApiError(error, 'SANCTION_NOT_APPLICABLE')) return;
  const entries = (form.getFieldValue('sanctions') ?? []) as SanctionValues[];
  form.setFields(
    (error.details ?? []).flatMap((detail) => {
      const index = /^body\.sanctions\.(\d+)\.type$/.exec(detail.path)?.[1];
      if (index === undefined) return [];
      const entry = entries[Number(index)];
      const refusal = entry?.type ? (entry.concernedName?.trim() ? sanctionRefusal(entry.type, coSubjectOf(entry)) : null) : null;
      return [{ name: ['sanctions', Number(index), 'type'], errors: [refusal ? lt(refusal) : entry?.type ? refusalText(entry.type, found, t, lt) : error.message] }];
    }),
  );
}

/**
 * The sanctions of a decision (作出处分决定), one card each: the type (grouped by category, with its effect period),
 * the four-forms classification when it differs from the type's, the day it takes effect (the decision day if blank),
 * and, for a co-subject of the same case (共同违纪), that person's name and unit. For the person concerned only the
 * types the server allows (`allowedSanctionTypes`: party membership, the village-cadre rule) can be chosen; the others
 * stay listed, disabled, with the reason. A co-subject is not described by the case: the entry says whether they are
 * a party member and their category, and the same rule (`sanctionRefusal`) limits their types.
 */
export function DecideFields({ found }: { found: CaseDetail }) {
  const { t, lt, locale } = useI18n();
  const form = Form.useFormInstance();
  // Watched so the four-forms default follows the chosen type, and the offered types follow the person named.
  const chosen = Form.useWatch<SanctionValues[] | undefined>('sanctions', form);
  const allOptions = useMemo(() => sanctionTypeOptions(locale), [locale]);
  // The type options with those refused (`reasonOf` says why) disabled and the reasons, for one person.
  const restricted = useCallback(
    (reasonOf: (type: SanctionType) => string | null) => {
      const refused = new Set<string>();
      const options = allOptions.map((group) => ({
        ...group,
        options: group.options.map((option) => {
          const reason = reasonOf(option.value);
          if (!reason) return option;
          refused.add(reason);
          // An empty title: the tooltip with the reason replaces the browser's own.
          return { ...option, disabled: true, reason, title: '' };
        }),
      }));
      // Categories with nothing to choose from go last.
      const open = options.filter((group) => group.options.some((option) => !('disabled' in option)));
      return { options: [...open, ...options.filter((group) => !open.includes(group))], restrictions: [...refused] };
    },
    [allOptions],
  );
  const concerned = useMemo(() => {
    const allowed = new Set(found.allowedSanctionTypes);
    return restricted((type) => (allowed.has(type) ? null : refusalText(type, found, t, lt)));
  }, [restricted, found, t, lt]);
  const coSubjectReason = (entry: SanctionValues | undefined) => (type: SanctionType) => {
    const refusal = sanctionRefusal(type, coSubjectOf(entry));
    return refusal ? lt(refusal) : null;
  };
  return (
    <Form.List
      name="sanctions"
      rules={[{ validator: async (_rule, value: unknown[] | undefined) => (value?.length ? undefined : Promise.reject(new Error(t('cases.sanctionsRequired')))) }]}
    >
      {(fields, { add, remove }, { errors }) => (
        <Flex vertical gap={12} data-testid="case-decide-sanctions">
          <Typography.Text strong>{t('cases.sanctionsDecided')}</Typography.Text>
          {fields.map((field, index) => {
            const type = chosen?.[field.name]?.type;
            const defaultForm = type ? sanctionTypes[type].fourForm : null;
            const entry = chosen?.[field.name];
            const forConcerned = !entry?.concernedName?.trim();
            const offered = forConcerned ? concerned : restricted(coSubjectReason(entry));
            return (
              <Card
                key={field.key}
                size="small"
                type="inner"
                title={t('cases.sanctionNumber', { number: index + 1 })}
                extra={
                  fields.length > 1 ? (
                    <Button size="small" type="text" danger icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} aria-label={t('action.remove')}>
                      {t('action.remove')}
                    </Button>
                  ) : null
                }
              >
                <Row gutter={12}>
                  <Col xs={24} md={12}>
                    <Form.Item
                      name={[field.name, 'type']}
                      label={t('sanctions.type')}
                      dependencies={[
                        ['sanctions', field.name, 'concernedName'],
                        ['sanctions', field.name, 'isPartyMember'],
                        ['sanctions', field.name, 'supervisedCategory'],
                      ]}
                      extra={offered.restrictions.length ? <span data-testid={`case-sanction-restrictions-${index}`}>{offered.restrictions.join('；')}</span> : undefined}
                      rules={[
                        { required: true, message: t('cases.sanctionTypeRequired') },
                        ({ getFieldValue }) => ({
                          // The type must suit whoever the entry is about now (the name, membership or category may change).
                          validator: async (_rule, value?: SanctionType) => {
                            if (!value) return;
                            const current = getFieldValue(['sanctions', field.name]) as SanctionValues | undefined;
                            const reason = current?.concernedName?.trim()
                              ? coSubjectReason(current)(value)
                              : found.allowedSanctionTypes.includes(value)
                                ? null
                                : refusalText(value, found, t, lt);
                            if (reason) throw new Error(reason);
                          },
                        }),
                      ]}
                    >
                      <Select
                        options={offered.options}
                        optionRender={(option) => {
                          const reason = (option.data as { reason?: string }).reason;
                          return reason ? (
                            <Tooltip title={reason} placement="right">
                              <div>{option.label}</div>
                            </Tooltip>
                          ) : (
                            option.label
                          );
                        }}
                        showSearch={{ optionFilterProp: 'label' }}
                        placeholder={t('cases.pickSanctionType')}
                        data-testid={`case-sanction-type-${index}`}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item name={[field.name, 'fourForm']} label={t('sanctions.fourForm')}>
                      <Select
                        allowClear
                        options={enumOptions(fourForms, fourFormLabels, locale)}
                        placeholder={
                          !type ? t('cases.fourFormByType') : defaultForm ? t('cases.fourFormDefault', { form: enumLabel(fourFormLabels, defaultForm, locale) }) : t('cases.fourFormNone')
                        }
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item name={[field.name, 'effectiveFrom']} label={t('sanctions.effectiveFrom')}>
                      <DatePicker style={{ width: '100%' }} placeholder={t('cases.effectiveFromDefault')} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item name={[field.name, 'concernedName']} label={t('cases.coSubjectName')} rules={[maxLength(t, 40)]} extra={t('cases.coSubjectHint')}>
                      <Input placeholder={found.concernedName} maxLength={40} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item name={[field.name, 'concernedUnit']} label={t('cases.coSubjectUnit')} rules={[maxLength(t, 100)]}>
                      <Input placeholder={found.concernedUnit ?? ''} maxLength={100} />
                    </Form.Item>
                  </Col>
                  {forConcerned ? null : (
                    <>
                      <Col xs={24} md={8}>
                        <Form.Item name={[field.name, 'isPartyMember']} label={t('cases.coSubjectPartyMember')} valuePropName="checked" initialValue>
                          <Checkbox data-testid={`case-co-subject-party-${index}`}>{t('cases.partyMemberYes')}</Checkbox>
                        </Form.Item>
                      </Col>
                      <Col xs={24} md={16}>
                        <Form.Item name={[field.name, 'supervisedCategory']} label={t('cases.coSubjectCategory')}>
                          <Select
                            allowClear
                            options={enumOptions(supervisedCategories, supervisedCategoryLabels, locale)}
                            placeholder={t('cases.coSubjectCategoryPlaceholder')}
                            data-testid={`case-co-subject-category-${index}`}
                          />
                        </Form.Item>
                      </Col>
                    </>
                  )}
                </Row>
              </Card>
            );
          })}
          <Form.ErrorList errors={errors} />
          {fields.length < MAX_SANCTIONS ? (
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} data-testid="case-add-sanction">
              {t('cases.addSanction')}
            </Button>
          ) : null}
        </Flex>
      )}
    </Form.List>
  );
}
