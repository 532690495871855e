import { Col, Form, Input, Row, Select, Switch } from 'antd';
import {
  cadreManagementLevelLabels,
  cadreManagementLevels,
  objectLevelLabels,
  objectLevels,
  supervisedCategories,
  supervisedCategoryLabels,
  type CadreManagementLevel,
  type ObjectLevel,
  type SupervisedCategory,
} from '@guantong/contracts';
import { useI18n } from '../../../shared/i18n.tsx';
import { idNumberRules, maxLength, required } from '../../../shared/form-rules.ts';
import { enumOptions } from '../../../shared/labels.ts';

/** The person concerned (被反映人) as the create and edit forms hold it. */
export interface PersonValues {
  concernedName: string;
  concernedPost?: string;
  concernedUnit?: string;
  idNumber?: string;
  objectLevel?: ObjectLevel;
  cadreManagementLevel?: CadreManagementLevel;
  isPartyMember: boolean;
  supervisedCategory?: SupervisedCategory;
  lowerCommitteePrincipal: boolean;
}

/**
 * Name, post, unit, sealed ID number, rank, cadre-management level, supervised-person category (it limits the
 * sanctions a decision may impose) and the two flags that change the approval chain. `idNumberSealed`: the clue already has a number on file (editing), which is never shown again.
 */
export function PersonFields({ idNumberSealed = false, compact = false }: { idNumberSealed?: boolean; compact?: boolean }) {
  const { t, locale } = useI18n();
  const third = compact ? 12 : 8;
  return (
    <Row gutter={16}>
      <Col xs={24} md={third}>
        <Form.Item name="concernedName" label={t('clues.concernedName')} rules={[required(t, t('clues.concernedName')), maxLength(t, 40)]}>
          <Input autoComplete="off" maxLength={40} data-testid="clue-concerned-name" />
        </Form.Item>
      </Col>
      <Col xs={24} md={third}>
        <Form.Item name="concernedPost" label={t('clues.concernedPost')} rules={[maxLength(t, 60)]}>
          <Input autoComplete="off" maxLength={60} data-testid="clue-concerned-post" />
        </Form.Item>
      </Col>
      <Col xs={24} md={third}>
        <Form.Item name="concernedUnit" label={t('clues.concernedUnit')} rules={[maxLength(t, 100)]}>
          <Input autoComplete="off" maxLength={100} data-testid="clue-concerned-unit" />
        </Form.Item>
      </Col>
      <Col xs={24} md={third}>
        <Form.Item
          name="idNumber"
          label={t('clues.idNumber')}
          rules={idNumberRules(t)}
          extra={idNumberSealed ? t('clues.idNumberSealedHint') : t('clues.idNumberHint')}
          normalize={(value?: string) => value?.replace(/\s/g, '').toUpperCase()}
        >
          <Input autoComplete="off" maxLength={18} placeholder={idNumberSealed ? t('clues.idNumberOnFile') : undefined} data-testid="clue-id-number" />
        </Form.Item>
      </Col>
      <Col xs={24} md={third}>
        <Form.Item name="objectLevel" label={t('clues.objectLevel')}>
          <Select allowClear options={enumOptions(objectLevels, objectLevelLabels, locale)} popupMatchSelectWidth={false} data-testid="clue-object-level" />
        </Form.Item>
      </Col>
      <Col xs={24} md={third}>
        <Form.Item name="cadreManagementLevel" label={t('clues.cadreManagementLevel')} extra={t('clues.cadreManagementLevelHint')}>
          <Select allowClear options={enumOptions(cadreManagementLevels, cadreManagementLevelLabels, locale)} data-testid="clue-cadre-level" />
        </Form.Item>
      </Col>
      <Col xs={24} md={compact ? 24 : 16}>
        <Form.Item name="supervisedCategory" label={t('clues.supervisedCategory')} extra={t('clues.supervisedCategoryHint')}>
          <Select
            allowClear
            options={enumOptions(supervisedCategories, supervisedCategoryLabels, locale)}
            popupMatchSelectWidth={false}
            placeholder={t('clues.pickSupervisedCategory')}
            data-testid="clue-supervised-category"
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={third}>
        <Form.Item name="isPartyMember" label={t('clues.isPartyMember')} valuePropName="checked">
          <Switch checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} data-testid="clue-party-member" />
        </Form.Item>
      </Col>
      <Col xs={24} md={compact ? 12 : 16}>
        <Form.Item name="lowerCommitteePrincipal" label={t('clues.lowerCommitteePrincipal')} valuePropName="checked" extra={t('clues.lowerCommitteePrincipalHint')}>
          <Switch checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} data-testid="clue-lower-principal" />
        </Form.Item>
      </Col>
    </Row>
  );
}
