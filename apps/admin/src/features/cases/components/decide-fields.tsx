import { Button, Card, Col, DatePicker, Flex, Form, Input, Row, Select, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { fourFormLabels, fourForms, sanctionTypes, type CaseDetail, type FourForm, type SanctionType } from '@guantong/contracts';
import { useI18n } from '../../../shared/i18n.tsx';
import { maxLength } from '../../../shared/form-rules.ts';
import { enumLabel, enumOptions, sanctionTypeOptions } from '../../../shared/labels.ts';
import type { CaseActionRequest } from '../cases.api.ts';

export interface SanctionValues {
  type?: SanctionType;
  fourForm?: FourForm;
  effectiveFrom?: Dayjs;
  concernedName?: string;
  concernedUnit?: string;
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
      ...(name ? { concernedName: name, ...(unit ? { concernedUnit: unit } : {}) } : {}),
    };
  });
}

/**
 * The sanctions of a decision (作出处分决定), one card each: the type (grouped by category, with its effect period),
 * the four-forms classification when it differs from the type's, the day it takes effect (the decision day if blank),
 * and, for a co-subject of the same case (共同违纪), that person's name and unit.
 */
export function DecideFields({ found }: { found: CaseDetail }) {
  const { t, locale } = useI18n();
  const form = Form.useFormInstance();
  // Watched so the four-forms default follows the chosen type.
  const chosen = Form.useWatch<SanctionValues[] | undefined>('sanctions', form);
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
                    <Form.Item name={[field.name, 'type']} label={t('sanctions.type')} rules={[{ required: true, message: t('cases.sanctionTypeRequired') }]}>
                      <Select options={sanctionTypeOptions(locale)} showSearch={{ optionFilterProp: 'label' }} placeholder={t('cases.pickSanctionType')} data-testid={`case-sanction-type-${index}`} />
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
